import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends everything that acts as this person without their password: every browser session (each JWT
 * carries the old sessionVersion, which current-user.ts now refuses) and every API key. For a password
 * reset, a deactivation, a role change and the admin's "sign out everywhere" — anything that means the
 * person, or their privileges, changed. Their own sign-out only raises the version (auth-options.ts).
 */
export async function endUserSessions(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
