import { prisma } from "@/lib/db/client";
import { certificatePem, getCityCa } from "./city-ca-store";

/** The row city-ca-store keeps the deployment's root CA in. */
const CA_ID = "city-ca";

export type CityCaCertificate = { certPem: string; subject: string; sha256Fingerprint: string };

/**
 * The city CA's public parts only (certificate, subject, fingerprint), for readers that never sign — the campaign
 * archive: one small read, without opening the CA's encrypted signing key as getCityCa does (CPU that delayed the
 * archive's first byte). A deployment without a CA yet gets one created, through getCityCa.
 */
export async function readCityCaCertificate(): Promise<CityCaCertificate> {
  const row = await prisma.cityCa.findUnique({ where: { id: CA_ID }, select: { certDer: true, subject: true, sha256Fingerprint: true } });
  if (!row) {
    const ca = await getCityCa();
    return { certPem: ca.certPem, subject: ca.subject, sha256Fingerprint: ca.sha256Fingerprint };
  }
  return { certPem: certificatePem(new Uint8Array(row.certDer)), subject: row.subject, sha256Fingerprint: row.sha256Fingerprint };
}
