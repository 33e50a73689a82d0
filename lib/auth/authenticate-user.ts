import { prisma } from "@/lib/db/client";
import { verifyPassword } from "./password";
import type { Role } from "@/lib/generated/prisma/enums";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type AuthenticatedUser = { id: string; email: string; fullName: string; role: Role; unitId: string | null };

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

/**
 * Checks e-mail + password. Unknown e-mail, wrong password and deactivated account all answer "invalid"
 * (one generic message, nothing to enumerate). Five failures for one account within 15 minutes lock it
 * for 15 minutes; the counter lives on the user row and is updated atomically.
 */
export async function authenticateUser(email: string, password: string, now = new Date()): Promise<AuthenticationResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) return { ok: false, reason: "invalid" };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };

  const passwordMatches = await verifyPassword(password, user.passwordHash);
  if (passwordMatches && user.active) {
    if (user.failedLoginCount > 0 || user.lockedUntil) {
      await prisma.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, failedLoginWindowFrom: null, lockedUntil: null },
      });
    }
    return { ok: true, user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role, unitId: user.unitId } };
  }

  const lockedUntil = await recordFailedLogin(user.id, now);
  return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
}

/** Counts a failure in the current 15-minute window; returns the lock end when this failure trips the lock. */
async function recordFailedLogin(userId: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const [row] = await prisma.$queryRaw<{ failedLoginCount: number; lockedUntil: Date | null }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginWindowFrom" IS NULL OR "failedLoginWindowFrom" < ${windowStart}
                                THEN 1 ELSE "failedLoginCount" + 1 END,
      "failedLoginWindowFrom" = CASE WHEN "failedLoginWindowFrom" IS NULL OR "failedLoginWindowFrom" < ${windowStart}
                                THEN ${now} ELSE "failedLoginWindowFrom" END
    WHERE id = ${userId}
    RETURNING "failedLoginCount", "lockedUntil"`;
  if (!row || row.failedLoginCount < MAX_FAILED_LOGINS) return null;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_WINDOW_MS);
  await prisma.user.update({
    where: { id: userId },
    data: { lockedUntil, failedLoginCount: 0, failedLoginWindowFrom: null },
  });
  return lockedUntil;
}
