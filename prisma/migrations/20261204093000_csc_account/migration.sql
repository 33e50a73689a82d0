-- Issue 13: a person's link to the remote-signing provider (CSC API v2): OAuth2 tokens, encrypted at rest.
CREATE TABLE "CscAccount" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "encryptedAccessToken" BYTEA NOT NULL,
    "encryptedRefreshToken" BYTEA,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "scope" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CscAccount_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CscAccount_userId_key" ON "CscAccount"("userId");
ALTER TABLE "CscAccount" ADD CONSTRAINT "CscAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
