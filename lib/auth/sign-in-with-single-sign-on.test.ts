import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTestUser } from "@/lib/test/factories";
import { signInWithCredentials } from "./sign-in-with-credentials";
import { signInWithSingleSignOn } from "./sign-in-with-single-sign-on";
import { passwordLoginEnabled, singleSignOnSettings, type SingleSignOnSettings } from "./single-sign-on-settings";

const settings: SingleSignOnSettings = {
  issuer: "https://sso.binhthuan.gov.vn",
  clientId: "camket",
  clientSecret: "s",
  name: "Cổng định danh",
  matchClaim: "email",
  scope: "openid email profile",
};
const lastEvent = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("signInWithSingleSignOn", () => {
  it("finds the account by the verified e-mail, whatever its case, and audits the sign-in with the provider's subject", async () => {
    const user = await createTestUser({ role: "UNIT_HEAD" });
    const result = await signInWithSingleSignOn({ sub: "abc-1", email: user.email.toUpperCase(), email_verified: true }, settings);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, fullName: user.fullName, role: "UNIT_HEAD", unitId: null, sessionVersion: 0 } });
    expect(await lastEvent()).toMatchObject({ type: "LOGIN", actorId: user.id, data: { method: "oidc", subject: "abc-1" } });
  });

  it("never makes an account: an unknown person is refused and recorded", async () => {
    const before = await prisma.user.count();
    expect(await signInWithSingleSignOn({ sub: "x", email: "nguoi-la@binhthuan.gov.vn" }, settings)).toEqual({ ok: false, error: "ssoUnknown" });
    expect(await prisma.user.count()).toBe(before);
    expect(await lastEvent()).toMatchObject({ type: "LOGIN_FAILED", actorId: null, actorEmail: "nguoi-la@binhthuan.gov.vn", data: { reason: "ssoUnknown" } });
  });

  it("refuses a deactivated account, an address the provider calls unverified, and claims that are missing or not text", async () => {
    const disabled = await createTestUser({ active: false });
    expect(await signInWithSingleSignOn({ sub: "d", email: disabled.email }, settings)).toEqual({ ok: false, error: "ssoDisabled" });
    expect(await lastEvent()).toMatchObject({ type: "LOGIN_FAILED", actorId: disabled.id, data: { reason: "ssoDisabled" } });
    const user = await createTestUser();
    expect(await signInWithSingleSignOn({ sub: "u", email: user.email, email_verified: false }, settings)).toEqual({ ok: false, error: "ssoUnverified" });
    for (const claims of [{ email: user.email }, { sub: "u" }, { sub: "u", email: ["a"] }, { sub: "u", email: "a\u0000b" }]) {
      expect(await signInWithSingleSignOn(claims, settings)).toEqual({ ok: false, error: "ssoUnknown" });
    }
  });

  it("with a configured claim, matches it against the account's external id (and not the e-mail)", async () => {
    const user = await createTestUser();
    await prisma.user.update({ where: { id: user.id }, data: { externalId: "HR-000123" } });
    const byStaffNumber = { ...settings, matchClaim: "staff_number" };
    expect(await signInWithSingleSignOn({ sub: "s", staff_number: "HR-000123", email: "khac@x.vn" }, byStaffNumber)).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await signInWithSingleSignOn({ sub: "s", email: user.email }, byStaffNumber)).toEqual({ ok: false, error: "ssoUnknown" });
  });
});

describe("single sign-on settings", () => {
  it("is off unless configured, and a half-made configuration names what is wrong", () => {
    expect(singleSignOnSettings({})).toBeNull();
    expect(singleSignOnSettings({ CAMKET_OIDC_ISSUER: "https://sso.example/", CAMKET_OIDC_CLIENT_ID: "c", CAMKET_OIDC_CLIENT_SECRET: "s" })).toMatchObject({
      issuer: "https://sso.example",
      matchClaim: "email",
      scope: "openid email profile",
    });
    expect(() => singleSignOnSettings({ CAMKET_OIDC_ISSUER: "ftp://x", CAMKET_OIDC_CLIENT_ID: "c" })).toThrow("CAMKET_OIDC_*) chưa đúng: issuer, clientSecret");
  });

  it("turns passwords off only when single sign-on is there to replace them", () => {
    const sso = { CAMKET_OIDC_ISSUER: "https://sso.example", CAMKET_OIDC_CLIENT_ID: "c", CAMKET_OIDC_CLIENT_SECRET: "s" };
    expect(passwordLoginEnabled({ ...sso })).toBe(true);
    expect(passwordLoginEnabled({ ...sso, CAMKET_PASSWORD_LOGIN: "off" })).toBe(false);
    expect(passwordLoginEnabled({ CAMKET_PASSWORD_LOGIN: "off" })).toBe(true);
  });

  it("with passwords off, the password form refuses even the right password, and records nothing as a failure", async () => {
    const user = await createTestUser({ password: "MatKhau@123" });
    const saved = { ...process.env };
    Object.assign(process.env, { CAMKET_OIDC_ISSUER: "https://sso.example", CAMKET_OIDC_CLIENT_ID: "c", CAMKET_OIDC_CLIENT_SECRET: "s", CAMKET_PASSWORD_LOGIN: "off" });
    try {
      const before = await prisma.auditEvent.count();
      expect(await signInWithCredentials({ email: user.email, password: "MatKhau@123" }, () => null)).toMatchObject({ ok: false, error: "passwordLoginOff" });
      expect(await prisma.auditEvent.count()).toBe(before);
    } finally {
      process.env = saved;
    }
  });
});
