import { prisma } from "@/lib/db/client";

/** Wrong passwords for one e-mail from one address that cost nothing: typos, a forgotten Caps Lock. */
export const FREE_FAILURES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
/** A day without failures forgets the count. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** Stored under this when the client address is unknown (no peer address reached the app). */
const UNKNOWN_ADDRESS = "";
/**
 * The bucket of a signed-in person's password re-check before signing: their own session, so never shared
 * with sign-in attempts (whose address may be unknown) — typing the chairperson's e-mail at the login page
 * cannot slow her countersigning.
 */
export const SIGNING_RECHECK = "(signing re-check)";

/** 30 s after the 5th failure, doubling with each further one, at most 15 minutes. */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

const key = (email: string, address: string | null) => ({ email, address: address ?? UNKNOWN_ADDRESS });

/**
 * How long this e-mail must still wait before another attempt from this address (0: go ahead). Keyed by
 * the e-mail as typed, never by account, so the answer cannot tell a real account from an unknown one.
 */
export async function loginWaitMs(email: string, address: string | null, now: Date): Promise<number> {
  return waitMsAfter(await prisma.loginThrottle.findUnique({ where: { email_address: key(email, address) } }), now);
}

export type ThrottleRow = { failures: number; lastFailureAt: Date };

/** loginWaitMs for a throttle row the caller read with something else (the signing path reads it in its one query). */
export function waitMsAfter(row: ThrottleRow | null, now: Date): number {
  if (!row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS) return 0;
  return Math.max(0, row.lastFailureAt.getTime() + loginDelayMs(row.failures) - now.getTime());
}

/** The throttle row's key for a re-check or a sign-in from this address, for callers reading it in their own query. */
export const throttleAddress = (address: string | null) => address ?? UNKNOWN_ADDRESS;

/** Counts one failure (atomically: parallel attempts each count) and prunes rows nobody needs any more. */
export async function recordLoginFailure(email: string, address: string | null, now: Date): Promise<void> {
  const { email: e, address: a } = key(email, address);
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  await prisma.$executeRaw`
    INSERT INTO "LoginThrottle" (email, address, failures, "lastFailureAt") VALUES (${e}, ${a}, 1, ${now})
    ON CONFLICT (email, address) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."lastFailureAt" < ${forgotten} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "lastFailureAt" = ${now}`;
  await prisma.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: forgotten } } });
}

/** A successful sign-in from this address starts its count again. */
export async function clearLoginFailures(email: string, address: string | null): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: key(email, address) });
}

/** For the admin's user page: from how many addresses this e-mail is being slowed down now or at its next failure. */
export async function delayedLoginAddresses(email: string, now = new Date()): Promise<number> {
  return prisma.loginThrottle.count({
    where: { email, failures: { gte: FREE_FAILURES }, lastFailureAt: { gte: new Date(now.getTime() - FORGET_AFTER_MS) } },
  });
}
