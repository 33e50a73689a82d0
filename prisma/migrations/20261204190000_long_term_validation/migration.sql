-- Issue 15: document timestamps (PAdES B-LTA) per assignment, and the built-in TSA's certificates.
CREATE TABLE "ArchiveTimestamp" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "sha256Before" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "tsaCertificateExpiresAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArchiveTimestamp_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ArchiveTimestamp_assignmentId_sha256Before_key" ON "ArchiveTimestamp"("assignmentId", "sha256Before");
CREATE INDEX "ArchiveTimestamp_tsaCertificateExpiresAt_idx" ON "ArchiveTimestamp"("tsaCertificateExpiresAt");
ALTER TABLE "ArchiveTimestamp" ADD CONSTRAINT "ArchiveTimestamp_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ServiceCertificate" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "serialHex" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "certDer" BYTEA NOT NULL,
    "encryptedKey" BYTEA NOT NULL,
    "sha256Fingerprint" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServiceCertificate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ServiceCertificate_sha256Fingerprint_key" ON "ServiceCertificate"("sha256Fingerprint");
CREATE INDEX "ServiceCertificate_purpose_notAfter_idx" ON "ServiceCertificate"("purpose", "notAfter");
