import { afterEach, describe, expect, it, vi } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { createTestUser } from "@/lib/test/factories";
import { authOptions } from "./auth-options";
import { signInWithCredentials } from "./sign-in-with-credentials";
import { FREE_FAILURES } from "./login-throttle";
import { MAX_FAILED_LOGINS_PER_IP } from "./ip-throttle";

const authorize = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options.authorize;
const from = (ip: string) => (name: string) => (name === "x-forwarded-for" ? ip : null);
let lastOctet = 0;
const freshAddress = () => `198.18.${Math.floor(Math.random() * 250)}.${++lastOctet}`;

afterEach(() => vi.restoreAllMocks());

describe("signing in", () => {
  it("answers byte-identically, attempt by attempt, for an unknown e-mail, a deactivated account, a wrong password and a locked one", async () => {
    const real = await createTestUser({ password: "Dung@1234" });
    const disabled = await createTestUser({ password: "Dung@1234", active: false });
    const now = new Date();
    const run = async (email: string, password: string) => {
      const ip = freshAddress();
      const answers: string[] = [];
      // Failures until the delay, then the account's own right password (the real one is "locked" by now).
      for (let i = 0; i < FREE_FAILURES + 2; i++) answers.push(JSON.stringify(await signInWithCredentials({ email, password }, from(ip), now)));
      answers.push(JSON.stringify(await signInWithCredentials({ email, password: "Dung@1234" }, from(ip), now)));
      return answers;
    };
    const unknown = await run(`khong-co-ai-${Date.now()}@phanthiet.gov.vn`, "Dung@1234");
    expect(await run(disabled.email, "Dung@1234")).toEqual(unknown);
    expect(await run(real.email, "Sai@1234")).toEqual(unknown);
    expect(unknown.at(0)).toBe(JSON.stringify({ ok: false, error: "invalid", message: "Email hoặc mật khẩu không đúng" }));
    expect(unknown.at(-1)).toContain('"error":"locked"');
    expect(unknown.join()).not.toMatch(/\d{1,2}:\d{2}/); // no unlock time that only a real account would have
  });

  it("after 20 failures from address A, A waits; the owner signs in from address B", async () => {
    const user = await createTestUser({ password: "Dung@1234" });
    const [a, b] = [freshAddress(), freshAddress()];
    // A spray: one wrong password for each of many accounts (hammering one account is the per-pair delay's job).
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_IP; i++) await signInWithCredentials({ email: i === 0 ? user.email : `nguoi-${i}-${Date.now()}@phanthiet.gov.vn`, password: `Sai-${i}` }, from(a));
    expect(await signInWithCredentials({ email: `khac-${Date.now()}@phanthiet.gov.vn`, password: "x" }, from(a))).toMatchObject({ ok: false, error: "addressThrottled" });
    expect(await signInWithCredentials({ email: user.email, password: "Dung@1234" }, from(b))).toMatchObject({ ok: true });
  });

  it("a NUL or other control character in the e-mail is the generic 'wrong email or password', nothing from the database", async () => {
    const lookup = vi.spyOn(prisma.user, "findUnique");
    for (const email of ["ai\u0000@phanthiet.gov.vn", "ai@phanthiet\u0007.gov.vn"]) {
      await expect(authorize({ email, password: "Dung@1234" }, { headers: {} } as never)).rejects.toThrow(/^Email hoặc mật khẩu không đúng$/);
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it("during a database outage the login says the service is unavailable; the detail goes to the server log only", async () => {
    const outage = Object.assign(new Error("terminating connection due to administrator command (57P01) at db.internal:5432"), { code: "57P01" });
    vi.spyOn(prisma.user, "findUnique").mockRejectedValue(outage);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const user = await createTestUser();
    const answer = authorize({ email: user.email, password: "Dung@1234" }, { headers: { cookie: "camket-locale=en" } } as never);
    await expect(answer).rejects.toThrow(/^The service is temporarily unavailable, please try again later\.$/);
    const vietnamese = await signInWithCredentials({ email: user.email, password: "x" }, () => null);
    expect(vietnamese).toEqual({ ok: false, error: "unavailable", message: "Dịch vụ tạm thời không khả dụng, vui lòng thử lại sau." });
    expect(JSON.stringify(vietnamese)).not.toMatch(/57P01|5432|prisma/i);
    expect(logged.mock.calls.flat().join(" ")).toContain("57P01");
  });
});
