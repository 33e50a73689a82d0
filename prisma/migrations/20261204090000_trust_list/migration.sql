-- Issue 13: certificates the signer holds (token, .p12, remote signing), the trust list they must chain to,
-- the admin's approval of a certificate for a user, and which ways of signing each user may use.
CREATE TYPE "SigningMethod" AS ENUM ('SERVER_KEY', 'AGENT', 'PKCS12', 'CSC');
CREATE TYPE "CertificateBinding" AS ENUM ('PENDING', 'BOUND', 'REJECTED');

CREATE TABLE "TrustAnchor" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "certDer" BYTEA NOT NULL,
    "sha256Fingerprint" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isCityCa" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrustAnchor_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TrustAnchor_sha256Fingerprint_key" ON "TrustAnchor"("sha256Fingerprint");

ALTER TABLE "UserCertificate" ALTER COLUMN "encryptedKey" DROP NOT NULL,
    ADD COLUMN "issuerSubject" TEXT,
    ADD COLUMN "method" "SigningMethod" NOT NULL DEFAULT 'SERVER_KEY',
    ADD COLUMN "chainDer" BYTEA[] DEFAULT ARRAY[]::BYTEA[],
    ADD COLUMN "trustAnchorId" TEXT,
    ADD COLUMN "binding" "CertificateBinding" NOT NULL DEFAULT 'BOUND',
    ADD COLUMN "boundAt" TIMESTAMP(3),
    ADD COLUMN "boundById" TEXT,
    ADD COLUMN "revocationStatus" TEXT,
    ADD COLUMN "revocationCheckedAt" TIMESTAMP(3),
    ADD COLUMN "cscCredentialId" TEXT;
-- Existing rows get an empty chain; new rows always say theirs.
ALTER TABLE "UserCertificate" ALTER COLUMN "chainDer" DROP DEFAULT;
ALTER TABLE "UserCertificate" ADD CONSTRAINT "UserCertificate_trustAnchorId_fkey" FOREIGN KEY ("trustAnchorId") REFERENCES "TrustAnchor"("id") ON DELETE SET NULL ON UPDATE CASCADE;
DROP INDEX "UserCertificate_serialHex_key";
CREATE INDEX "UserCertificate_serialHex_idx" ON "UserCertificate"("serialHex");
DROP INDEX "UserCertificate_one_live_per_user";
CREATE UNIQUE INDEX "UserCertificate_one_live_per_user" ON "UserCertificate"("userId") WHERE "revokedAt" IS NULL AND "method" = 'SERVER_KEY';

ALTER TABLE "User" ADD COLUMN "signingMethods" "SigningMethod"[] DEFAULT ARRAY['SERVER_KEY', 'AGENT', 'PKCS12', 'CSC']::"SigningMethod"[],
    ADD COLUMN "certificateIdentifier" TEXT;

ALTER TABLE "PendingSignature" ADD COLUMN "certificateId" TEXT,
    ADD COLUMN "method" "SigningMethod";
