import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";

/**
 * The city CA is one entry of the trust list (isCityCa, enabled when first added). Inserted with
 * ON CONFLICT DO NOTHING on the fingerprint, so concurrent callers leave exactly one row; an admin who
 * disabled it keeps it disabled. Called by the list and by validation, so it is always there.
 */
export async function ensureCityCaAnchor(): Promise<void> {
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
