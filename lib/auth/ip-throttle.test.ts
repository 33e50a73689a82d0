import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isIpThrottled, MAX_FAILED_LOGINS_PER_IP } from "./ip-throttle";

describe("isIpThrottled", () => {
  it("waits an address out after 20 failed sign-ins within 15 minutes, across accounts", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const now = new Date();
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_IP - 1; i++) {
      await prisma.$transaction((tx) => recordAuditEvent(tx, { type: "LOGIN_FAILED", ip, actorEmail: `nguoi-${i}@phanthiet.gov.vn`, at: now, data: { reason: "invalid" } }));
    }
    expect(await isIpThrottled(ip, now)).toBe(false);
    // Attempts refused while an e-mail already waits guessed nothing: they do not count.
    for (let i = 0; i < 5; i++) {
      await prisma.$transaction((tx) => recordAuditEvent(tx, { type: "LOGIN_FAILED", ip, actorEmail: "nguoi-0@phanthiet.gov.vn", at: now, data: { reason: "locked" } }));
    }
    expect(await isIpThrottled(ip, now)).toBe(false);
    await prisma.$transaction((tx) => recordAuditEvent(tx, { type: "LOGIN_FAILED", ip, actorEmail: "them@phanthiet.gov.vn", at: now, data: { reason: "invalid" } }));
    expect(await isIpThrottled(ip, now)).toBe(true);
    expect(await isIpThrottled("203.0.113.9", now)).toBe(false);
    expect(await isIpThrottled(ip, new Date(now.getTime() + 16 * 60_000))).toBe(false);
  });
});
