import { prisma } from "@/lib/db/client";

/** User certificates (all, or one user's) with their holder, newest first (never the key). */
export function listCertificates(userId?: string) {
  return prisma.userCertificate.findMany({
    where: userId ? { userId } : {},
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      serialHex: true,
      subject: true,
      sha256Fingerprint: true,
      notBefore: true,
      notAfter: true,
      revokedAt: true,
      revokedReason: true,
      method: true,
      binding: true,
      issuerSubject: true,
      revocationStatus: true,
      user: { select: { fullName: true, email: true } },
    },
  });
}
