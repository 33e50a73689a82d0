import { describe, expect, it, vi } from "vitest";
import { createActor, createTestUser } from "@/lib/test/factories";
import { unlockUserLogin } from "@/lib/users/unlock-user-login";
import { prisma } from "@/lib/db/client";
import { authenticateUser } from "./authenticate-user";
import { FREE_FAILURES, loginDelayMs, SIGNING_RECHECK } from "./login-throttle";
import * as password from "./password";

vi.mock("./password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const A = "198.51.100.10";
const B = "203.0.113.20";
const at = (start: number, ms: number) => new Date(start + ms);

describe("authenticateUser", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const result = await authenticateUser(user.email.toUpperCase(), "Dung@1234");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "UNIT_HEAD", sessionVersion: 0 } });
  });

  it("answers the same 'invalid' for a wrong password, an unknown e-mail and a deactivated account", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const inactive = await createTestUser({ password: "Dung@1234", active: false });
    expect(await authenticateUser(user.email, "Sai@1234")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser("khong-ton-tai@phanthiet.gov.vn", "Dung@1234")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser(inactive.email, "Dung@1234")).toEqual({ ok: false, reason: "invalid" });
  });

  it("runs argon2 for an unknown e-mail too, taking about as long as for a real one", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const verify = vi.mocked(password.verifyPassword);
    verify.mockClear();
    await authenticateUser(`khong-co-${Date.now()}@phanthiet.gov.vn`, "Dung@1234");
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]![1]).toMatch(/^\$argon2id\$/);

    // Alternating, each from its own address, compared by median: a slow outlier is noise, not a leak.
    const time = async (email: string, i: number) => {
      const started = performance.now();
      await authenticateUser(email, "Sai@1234", new Date(), `192.0.2.${i}`);
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(user.email, i));
      unknown.push(await time(`khong-co-ai-${Date.now()}@phanthiet.gov.vn`, 100 + i));
    }
    expect(median(unknown) / median(known)).toBeGreaterThan(0.6);
  });

  it("after five failures from one address, that address waits a growing delay, even for the right password", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const start = Date.UTC(2026, 10, 26, 8);
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await authenticateUser(user.email, "Sai@1234", at(start, i * 1000), A)).toEqual({ ok: false, reason: "invalid" });
    }
    const last = start + (FREE_FAILURES - 1) * 1000;
    expect(await authenticateUser(user.email, "Dung@1234", at(last, 1000), A)).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticateUser(user.email, "Sai@1234", at(last, loginDelayMs(FREE_FAILURES)), A)).toEqual({ ok: false, reason: "invalid" });
    // The sixth failure doubles the wait.
    const sixth = last + loginDelayMs(FREE_FAILURES);
    expect(loginDelayMs(FREE_FAILURES + 1)).toBe(2 * loginDelayMs(FREE_FAILURES));
    expect(await authenticateUser(user.email, "Dung@1234", at(sixth, loginDelayMs(FREE_FAILURES) + 1000), A)).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticateUser(user.email, "Dung@1234", at(sixth, loginDelayMs(FREE_FAILURES + 1)), A)).toMatchObject({ ok: true });
    // The success started the count again.
    expect(await authenticateUser(user.email, "Sai@1234", at(sixth, loginDelayMs(FREE_FAILURES + 1) + 1), A)).toEqual({ ok: false, reason: "invalid" });
  });

  it("an attacker failing 20 times from address A does not keep the owner out from address B", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const now = new Date();
    for (let i = 0; i < 20; i++) await authenticateUser(user.email, `Doan${i}@sai`, now, A);
    expect(await authenticateUser(user.email, "Dung@1234", now, A)).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticateUser(user.email, "Dung@1234", now, B)).toMatchObject({ ok: true });
  });

  it("a signed-in admin unlocks the account: the delay is gone, and the unlock is audited", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const admin = await createActor("ADMIN");
    for (let i = 0; i < FREE_FAILURES + 2; i++) await authenticateUser(user.email, "Sai@1234", new Date(), A);
    expect(await authenticateUser(user.email, "Dung@1234", new Date(), A)).toMatchObject({ ok: false, reason: "locked" });
    expect(await unlockUserLogin(await createActor("AUDITOR"), user.id)).toMatchObject({ ok: false });
    expect(await unlockUserLogin(admin, user.id, { actorId: admin.id })).toEqual({ ok: true, message: `Đã mở khóa đăng nhập cho ${user.email}.` });
    expect(await authenticateUser(user.email, "Dung@1234", new Date(), A)).toMatchObject({ ok: true });
    const event = await prisma.auditEvent.findFirst({ where: { type: "ADMIN_CHANGE", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(event?.data).toMatchObject({ action: "unlock-login", userId: user.id });
  });

  it("sign-in failures under the person's e-mail (even with no known address) never slow their password re-check before signing", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const now = Date.now();
    for (let i = 0; i < FREE_FAILURES + 3; i++) await authenticateUser(user.email, "Sai@1234", at(now, i), null);
    expect(await authenticateUser(user.email, "Dung@1234", at(now, 100), null)).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticateUser(user.email, "Dung@1234", at(now, 100), SIGNING_RECHECK)).toMatchObject({ ok: true });
  });
});
