import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";

/**
 * For the signer's own page: the ways of signing the admin allows them and the certificates of keys they
 * hold that they registered (never the server-key ones, never any key), newest first.
 */
export async function listMySigningCertificates(actor: Actor) {
  const [user, certificates] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { signingMethods: true } }),
    prisma.userCertificate.findMany({
      where: { userId: actor.id, method: { not: "SERVER_KEY" } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        method: true,
        subject: true,
        issuerSubject: true,
        serialHex: true,
        sha256Fingerprint: true,
        notBefore: true,
        notAfter: true,
        binding: true,
        revokedAt: true,
        revocationStatus: true,
        revocationCheckedAt: true,
      },
    }),
  ]);
  return { methods: user.signingMethods, certificates };
}
