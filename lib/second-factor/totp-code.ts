import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;

export function totpFor(secretBase32: string, account: string): TOTP {
  return new TOTP({ issuer: "camket", label: account, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);

/**
 * The 30-second step a code belongs to, accepting the previous and next step for clock drift; null if it
 * matches none. The caller refuses a step at or before the last one used (a replay).
 */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32, "").validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : stepAt(now) + delta;
}
