import { prisma } from "@/lib/db/client";
import { issueFreshCertificate } from "./user-certificate-store";

/**
 * Issues a certificate now to each of these signers (active heads and chairpersons) who has none yet, so
 * their first signature does not pay for it: on deadline day issuing inside the request cost 11–22 ms of
 * CPU per head, all at once. Called when a campaign is launched, a head is assigned and a signer account
 * is created. A signer whose latest certificate is revoked gets none (the admin decides, as before); an
 * expired one is retired and replaced at the next signature (lib/signatures/user-certificate-store), which
 * also stays the fallback for anyone missed here. Never fails the caller: a failure is logged, and the
 * signature issues the certificate itself.
 */
export async function issueCertificatesAhead(userIds: readonly string[], now = new Date()): Promise<void> {
  if (userIds.length === 0) return;
  const users = await prisma.user.findMany({
    where: { id: { in: [...userIds] }, active: true, role: { in: ["UNIT_HEAD", "CHAIRPERSON"] }, certificates: { none: { method: "SERVER_KEY" } } },
    select: { id: true, fullName: true, jobTitle: true, email: true, unit: { select: { id: true, name: true, kind: true } } },
  });
  for (const user of users) {
    try {
      await issueFreshCertificate(user, now);
    } catch (error) {
      console.error(`certificate ahead of need for user ${user.id} not issued: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
