-- Issue 13: a signature prepared for a key the server never holds (token, browser, remote signing), waiting for
-- its signature value. Finalize claims the row once (finalizedAt), before the expiry.
CREATE TABLE "PendingSignature" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sha256Before" TEXT NOT NULL,
    "preparedSha256" TEXT NOT NULL,
    "byteRange" INTEGER[],
    "contentsHexStart" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "certificateDer" BYTEA NOT NULL,
    "signedAttributes" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "finalizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingSignature_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PendingSignature_assignmentId_idx" ON "PendingSignature"("assignmentId");
