import { prisma } from "@/lib/db/client";
import { matchingStep } from "./totp-code";
import { recoveryCodeHash } from "./recovery-codes";
import { openTotpSecret } from "./second-factor-secret";

export type SecondFactorError = "invalid" | "replayed" | "locked" | "notEnrolled";
export type SecondFactorCheck = { ok: true; recoveryCodeUsed: boolean } | { ok: false; error: SecondFactorError };

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * A person's second factor, typed: a 6-digit TOTP code or one of their recovery codes. Each is good once —
 * a code for a step at or before the last accepted one is a replay, a recovery code is crossed off in the same
 * statement that accepts it, so two requests racing with one code cannot both pass. Five wrong answers within
 * 15 minutes lock the check until that window ends (the right code too), which bounds guessing a 6-digit code
 * to a few tries an hour.
 */
export async function verifySecondFactor(userId: string, typed: string, now = new Date()): Promise<SecondFactorCheck> {
  const row = await prisma.secondFactor.findUnique({ where: { userId } });
  if (!row?.enabledAt) return { ok: false, error: "notEnrolled" };
  const windowOpen = row.failedSince !== null && now.getTime() - row.failedSince.getTime() < WINDOW_MS;
  if (windowOpen && row.failures >= MAX_FAILURES) return { ok: false, error: "locked" };

  const code = typed.replace(/\s/g, "");
  let error: SecondFactorError = "invalid";
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(openTotpSecret(userId, row.secretSealed), code, now);
    if (step !== null) {
      const accepted = await prisma.secondFactor.updateMany({
        where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step, failures: 0, failedSince: null },
      });
      if (accepted.count) return { ok: true, recoveryCodeUsed: false };
      error = "replayed";
    }
  } else if (code.length >= 10 && code.length <= 20) {
    const hash = recoveryCodeHash(code);
    const crossedOff = await prisma.$executeRaw`
      UPDATE "SecondFactor" SET "recoveryCodes" = array_remove("recoveryCodes", ${hash}), failures = 0, "failedSince" = NULL, "updatedAt" = ${now}
      WHERE "userId" = ${userId} AND ${hash} = ANY("recoveryCodes")`;
    if (crossedOff) return { ok: true, recoveryCodeUsed: true };
  }
  await prisma.secondFactor.update({
    where: { userId },
    data: windowOpen ? { failures: { increment: 1 } } : { failures: 1, failedSince: now },
  });
  return { ok: false, error };
}
