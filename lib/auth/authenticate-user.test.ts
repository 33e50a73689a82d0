import { describe, expect, it } from "vitest";
import { authenticateUser, LOCKOUT_WINDOW_MS, MAX_FAILED_LOGINS } from "./authenticate-user";
import { createTestUnit, createTestUser } from "@/lib/test/factories";

describe("authenticateUser", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const result = await authenticateUser(user.email.toUpperCase(), "Dung@1234");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "UNIT_HEAD" } });
  });

  it("answers the same 'invalid' for a wrong password, an unknown e-mail and a deactivated account", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const inactive = await createTestUser({ password: "Dung@1234", active: false });
    expect(await authenticateUser(user.email, "Sai@1234")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser("khong-ton-tai@phanthiet.gov.vn", "Dung@1234")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser(inactive.email, "Dung@1234")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account for 15 minutes after 5 failures within 15 minutes, even for the right password", async () => {
    const unit = await createTestUnit();
    const user = await createTestUser({ password: "Dung@1234", unitId: unit.id });
    const start = new Date("2026-11-26T08:00:00Z");
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await authenticateUser(user.email, "Sai@1234", new Date(start.getTime() + i * 60_000))).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = await authenticateUser(user.email, "Sai@1234", new Date(start.getTime() + 5 * 60_000));
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    const during = await authenticateUser(user.email, "Dung@1234", new Date(start.getTime() + 10 * 60_000));
    expect(during).toMatchObject({ ok: false, reason: "locked" });
    const after = await authenticateUser(user.email, "Dung@1234", new Date(start.getTime() + 5 * 60_000 + LOCKOUT_WINDOW_MS + 1000));
    expect(after).toMatchObject({ ok: true });
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const start = new Date("2026-11-26T08:00:00Z").getTime();
    for (let i = 0; i < 8; i++) {
      const result = await authenticateUser(user.email, "Sai@1234", new Date(start + i * 4 * 60_000));
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
  });
});
