import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";

/**
 * The city CA is one entry of the trust list (isCityCa, enabled when first added). Inserted with
 * ON CONFLICT DO NOTHING on the fingerprint, so concurrent callers leave exactly one row; an admin who
 * disabled it keeps it disabled. Called by the list and by validation, so it is always there.
 */
export function ensureCityCaAnchor(): Promise<void> {
  // Once per process: rows are never deleted, and every signature validates its certificate twice.
  ensured ??= insertCityCaAnchor().catch((error) => {
    ensured = undefined;
    throw error;
  });
  return ensured;
}

let ensured: Promise<void> | undefined;

async function insertCityCaAnchor(): Promise<void> {
  const ca = await getCityCa();
  await prisma.trustAnchor.createMany({
    data: [
      {
        subject: ca.subject,
        certDer: new Uint8Array(ca.certDer),
        sha256Fingerprint: ca.sha256Fingerprint,
        notBefore: ca.notBefore,
        notAfter: ca.notAfter,
        enabled: true,
        isCityCa: true,
      },
    ],
    skipDuplicates: true,
  });
}
