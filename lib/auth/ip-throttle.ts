import { prisma } from "@/lib/db/client";

/** Failed sign-ins from one address within 15 minutes, across every account, before that address waits. */
export const MAX_FAILED_LOGINS_PER_IP = 20;
const WINDOW_MS = 15 * 60_000;

/**
 * The per e-mail + address delay (login-throttle.ts) slows guessing one password; this stops one address
 * trying many accounts. Counted from the audit log's LOGIN_FAILED events, so every app instance sees the
 * same number.
 */
export async function isIpThrottled(ip: string | null, now = new Date()): Promise<boolean> {
  if (!ip) return false;
  const failures = await prisma.auditEvent.count({
    // Only wrong passwords count: attempts refused while an e-mail already waits ("locked") guess nothing,
    // and counting them would let one person's hammering lengthen everyone's wait at a shared address.
    where: { type: "LOGIN_FAILED", ip, at: { gt: new Date(now.getTime() - WINDOW_MS) }, data: { path: ["reason"], equals: "invalid" } },
  });
  return failures >= MAX_FAILED_LOGINS_PER_IP;
}
