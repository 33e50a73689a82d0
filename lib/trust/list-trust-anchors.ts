import { prisma } from "@/lib/db/client";
import { ensureCityCaAnchor } from "./ensure-city-ca-anchor";
import { formatFingerprint, parseCertificate } from "./certificates";

export type TrustAnchorRow = {
  id: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  sha256Fingerprint: string;
  /** "AB:CD:…" */
  fingerprintFormatted: string;
  enabled: boolean;
  isCityCa: boolean;
  /** User certificates whose validated chain ended at this anchor. */
  certificateCount: number;
  createdAt: Date;
};

/** The trust list, the city CA first, then by subject. The page checks the ADMIN role. */
export async function listTrustAnchors(): Promise<TrustAnchorRow[]> {
  await ensureCityCaAnchor();
  const rows = await prisma.trustAnchor.findMany({
    orderBy: [{ isCityCa: "desc" }, { subject: "asc" }],
    include: { _count: { select: { certificates: true } } },
  });
  return rows.map((row) => {
    const parsed = parseCertificate(new Uint8Array(row.certDer));
    return {
      id: row.id,
      subject: row.subject,
      issuer: parsed?.issuer ?? "",
      notBefore: row.notBefore,
      notAfter: row.notAfter,
      sha256Fingerprint: row.sha256Fingerprint,
      fingerprintFormatted: formatFingerprint(row.sha256Fingerprint),
      enabled: row.enabled,
      isCityCa: row.isCityCa,
      certificateCount: row._count.certificates,
      createdAt: row.createdAt,
    };
  });
}
