import { prisma } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import { clearLoginFailures, loginWaitMs, recordLoginFailure, waitMsAfter, type ThrottleRow } from "./login-throttle";
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
  // The throttle row was only read for its delay: a success clears it without knowing whether it exists.
  return checkPassword({ email: typed, address, user }, password, now);
}

export type StoredCredentials = {
  /** As typed, trimmed and lower-cased: the throttle's key. */
  email: string;
  address: string | null;
  user: (AuthenticatedUser & { active: boolean; passwordHash: string }) | null;
  /** This e-mail and address's failures, when the caller read them along (null: none); undefined: not read. */
  throttle?: ThrottleRow | null;
};

/**
 * authenticateUser's decision for a user row and throttle row the caller read in its own query (the signing
 * path reads them with the assignment). A failure-free throttle row means nothing to clear.
 */
export async function checkPassword(stored: StoredCredentials, password: string, now: Date): Promise<AuthenticationResult> {
  const { email, address, user, throttle } = stored;
  const waitMs = waitMsAfter(throttle ?? null, now);
  if (waitMs > 0) return { ok: false, reason: "locked", waitMs };
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash));
  if (user && user.active && passwordMatches) {
    // Known to have no failures counted: nothing to clear, one statement fewer on the signing path.
    if (throttle !== null) await clearLoginFailures(email, address);
    const { id, fullName, role, unitId, sessionVersion } = user;
    return { ok: true, user: { id, email: user.email, fullName, role, unitId, sessionVersion } };
  }
  await recordLoginFailure(email, address, now);
  return { ok: false, reason: "invalid" };
}
