import { prisma } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import { clearLoginFailures, loginWaitMs, recordLoginFailure } from "./login-throttle";
import type { Role } from "@/lib/generated/prisma/enums";

export type AuthenticatedUser = { id: string; email: string; fullName: string; role: Role; unitId: string | null; sessionVersion: number };

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  /** Too many failures for this e-mail from this address: it waits, even with the right password. */
  | { ok: false; reason: "locked"; waitMs: number };

// Verified when the e-mail matches no account, so an unknown e-mail costs the same argon2 time as a real
// one (same library, same parameters) and the answer's timing does not reveal which accounts exist.
// Made at load, so the first unknown e-mail does not pay for hashing it.
const unknownUserHash = hashPassword(`camket-no-such-user-${Math.random()}`);

/**
 * Checks e-mail + password. Unknown e-mail, wrong password, deactivated account: one answer, "invalid",
 * after the same argon2 work. Failures are counted per typed e-mail and client address
 * (lib/auth/login-throttle.ts, docs/decisions/005): after five, that pair waits a growing delay — also for
 * the right password — while the owner signing in from anywhere else is not slowed at all. The signing
 * forms re-check a signed-in person's password without an address: their failures share one count.
 */
export async function authenticateUser(email: string, password: string, now = new Date(), address: string | null = null): Promise<AuthenticationResult> {
  const typed = email.trim().toLowerCase();
  const waitMs = await loginWaitMs(typed, address, now);
  if (waitMs > 0) return { ok: false, reason: "locked", waitMs };

  const user = await prisma.user.findUnique({ where: { email: typed } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash));
  if (user && user.active && passwordMatches) {
    await clearLoginFailures(typed, address);
    const { id, fullName, role, unitId, sessionVersion } = user;
    return { ok: true, user: { id, email: user.email, fullName, role, unitId, sessionVersion } };
  }
  await recordLoginFailure(typed, address, now);
  return { ok: false, reason: "invalid" };
}
