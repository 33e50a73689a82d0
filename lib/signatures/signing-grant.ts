import { createHmac, timingSafeEqual } from "node:crypto";
import { masterKeyText } from "./master-key";

const GRANT_TTL_MS = 10 * 60 * 1000;

// A grant proves "this user re-entered their password a moment ago", so a bulk countersignature of a
// hundred documents checks the password once instead of running the slow password hash a hundred times.
const mac = (payload: string) => createHmac("sha256", `signing-grant:${masterKeyText()}`).update(payload).digest("base64url");

export function createSigningGrant(userId: string, now = new Date()): string {
  const payload = `${userId}.${now.getTime() + GRANT_TTL_MS}`;
  return `${payload}.${mac(payload)}`;
}

export function verifySigningGrant(grant: string, userId: string, now = new Date()): boolean {
  const parts = grant.split(".");
  if (parts.length !== 3 || parts[0] !== userId) return false;
  const expiresAt = Number(parts[1]);
  if (!Number.isFinite(expiresAt) || expiresAt < now.getTime()) return false;
  const expected = Buffer.from(mac(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
