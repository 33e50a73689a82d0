-- AlterTable
ALTER TABLE "AssignmentDocument" ADD COLUMN     "certificateId" TEXT,
ADD COLUMN     "signedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CityCa" (
    "id" TEXT NOT NULL DEFAULT 'city-ca',
    "subject" TEXT NOT NULL,
    "serialHex" TEXT NOT NULL,
    "certDer" BYTEA NOT NULL,
    "encryptedKey" BYTEA NOT NULL,
    "sha256Fingerprint" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CityCa_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserCertificate" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "serialHex" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "certDer" BYTEA NOT NULL,
    "encryptedKey" BYTEA NOT NULL,
    "sha256Fingerprint" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "revokedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UserCertificate_serialHex_key" ON "UserCertificate"("serialHex");

-- CreateIndex
CREATE UNIQUE INDEX "UserCertificate_sha256Fingerprint_key" ON "UserCertificate"("sha256Fingerprint");

-- CreateIndex
CREATE INDEX "UserCertificate_userId_idx" ON "UserCertificate"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserCertificate_one_live_per_user" ON "UserCertificate"("userId") WHERE ("revokedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "AssignmentDocument" ADD CONSTRAINT "AssignmentDocument_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "UserCertificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCertificate" ADD CONSTRAINT "UserCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
