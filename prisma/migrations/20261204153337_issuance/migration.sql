-- CreateEnum
CREATE TYPE "DelegationKind" AS ENUM ('KT', 'Q', 'TM');

-- AlterEnum
ALTER TYPE "AssignmentStatus" ADD VALUE 'ISSUED';

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'ISSUED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'CLERK';
ALTER TYPE "Role" ADD VALUE 'DEPUTY';

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "issuedAt" TIMESTAMP(3),
ADD COLUMN     "reopenReason" TEXT,
ADD COLUMN     "reopenedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AssignmentDocument" ADD COLUMN     "delegationId" TEXT,
ADD COLUMN     "organisationCertificateId" TEXT;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "documentTypeCode" TEXT NOT NULL DEFAULT 'CK',
ADD COLUMN     "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "issuingBodyId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "issuingBodyId" TEXT;

-- CreateTable
CREATE TABLE "IssuingBody" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "superiorName" TEXT,
    "placeName" TEXT NOT NULL,
    "abbreviation" TEXT NOT NULL,
    "sealPng" BYTEA,
    "sealSha256" TEXT,
    "sealDiameterMm" INTEGER NOT NULL DEFAULT 36,
    "isCity" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IssuingBody_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationCertificate" (
    "id" TEXT NOT NULL,
    "issuingBodyId" TEXT NOT NULL,
    "serialHex" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "certDer" BYTEA NOT NULL,
    "encryptedKey" BYTEA NOT NULL,
    "sha256Fingerprint" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "issuingBodyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("issuingBodyId","year")
);

-- CreateTable
CREATE TABLE "OutgoingDocument" (
    "id" TEXT NOT NULL,
    "issuingBodyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "subject" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "recipients" TEXT[],
    "issuedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutgoingDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "deputyId" TEXT NOT NULL,
    "kind" "DelegationKind" NOT NULL DEFAULT 'KT',
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuingBody_name_key" ON "IssuingBody"("name");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationCertificate_sha256Fingerprint_key" ON "OrganisationCertificate"("sha256Fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationCertificate_one_live_per_body" ON "OrganisationCertificate"("issuingBodyId") WHERE ("revokedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingDocument_assignmentId_key" ON "OutgoingDocument"("assignmentId");

-- CreateIndex
CREATE INDEX "OutgoingDocument_issuingBodyId_year_number_idx" ON "OutgoingDocument"("issuingBodyId", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingDocument_issuingBodyId_year_number_key" ON "OutgoingDocument"("issuingBodyId", "year", "number");

-- CreateIndex
CREATE INDEX "Delegation_deputyId_idx" ON "Delegation"("deputyId");

-- CreateIndex
CREATE INDEX "Delegation_principalId_idx" ON "Delegation"("principalId");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_issuingBodyId_fkey" FOREIGN KEY ("issuingBodyId") REFERENCES "IssuingBody"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_issuingBodyId_fkey" FOREIGN KEY ("issuingBodyId") REFERENCES "IssuingBody"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentDocument" ADD CONSTRAINT "AssignmentDocument_organisationCertificateId_fkey" FOREIGN KEY ("organisationCertificateId") REFERENCES "OrganisationCertificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentDocument" ADD CONSTRAINT "AssignmentDocument_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationCertificate" ADD CONSTRAINT "OrganisationCertificate_issuingBodyId_fkey" FOREIGN KEY ("issuingBodyId") REFERENCES "IssuingBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentCounter" ADD CONSTRAINT "DocumentCounter_issuingBodyId_fkey" FOREIGN KEY ("issuingBodyId") REFERENCES "IssuingBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutgoingDocument" ADD CONSTRAINT "OutgoingDocument_issuingBodyId_fkey" FOREIGN KEY ("issuingBodyId") REFERENCES "IssuingBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutgoingDocument" ADD CONSTRAINT "OutgoingDocument_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The city is the first issuing body; a unit without its own body prints and registers under it.
INSERT INTO "IssuingBody" (id, name, "superiorName", "placeName", abbreviation, "isCity", "sortOrder", "updatedAt")
VALUES ('city', 'ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN THIẾT', NULL, 'Phan Thiết', 'UBND', true, 0, CURRENT_TIMESTAMP);
