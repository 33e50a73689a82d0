-- AlterTable
ALTER TABLE "OutgoingDocument" ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "receivedReference" TEXT;
