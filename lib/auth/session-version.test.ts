import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { createActor, createTestUnit, createTestUser } from "@/lib/test/factories";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { saveUser } from "@/lib/users/save-user";
import { signOutUserEverywhere } from "@/lib/users/sign-out-user-everywhere";
import { authOptions } from "./auth-options";
import { getCurrentUser, getSignedInPerson } from "./current-user";
import { prisma } from "@/lib/db/client";

// The session a request would carry: the cookie's JWT, run through next-auth's own callbacks.
let cookieToken: JWT | null = null;
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () =>
    cookieToken && authOptions.callbacks!.session!({ session: { user: {}, expires: "" } as Session, token: cookieToken } as never),
}));

const authorize = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options.authorize;
const PASSWORD = "MatKhau@123";

/** Signs in as the browser would and returns the JWT the session cookie holds. */
async function signIn(email: string): Promise<JWT> {
  const user = await authorize({ email, password: PASSWORD }, { headers: {} } as never);
  return (await authOptions.callbacks!.jwt!({ token: { sub: user!.id }, user: user! } as never)) as JWT;
}
const requestWith = async (token: JWT) => {
  cookieToken = structuredClone(token);
  return getCurrentUser();
};

describe("one session version per person", () => {
  let admin: Awaited<ReturnType<typeof createActor>>;
  beforeEach(async () => {
    admin = await createActor("ADMIN");
  });

  it("a password reset ends every session and API key made before it", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    const session = await signIn(user.email);
    const { token } = await createApiToken(await requestWith(session), { name: "Kịch bản" });
    expect(await requestWith(session)).toMatchObject({ id: user.id });
    expect(await authenticateApiToken(`Bearer ${token}`)).toMatchObject({ ok: true });

    expect(await resetUserPassword(admin, user.id, { password: "con mèo trèo cây cau", confirm: "con mèo trèo cây cau" })).toMatchObject({ ok: true });
    expect(await requestWith(session)).toBeNull();
    expect(await authenticateApiToken(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
  });

  it("deactivating ends sessions and API keys for good: reactivating brings neither back", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    const session = await signIn(user.email);
    const { token } = await createApiToken(await requestWith(session), { name: "Kịch bản" });
    await setUserActive(admin, user.id, false);
    expect(await authenticateApiToken(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    await setUserActive(admin, user.id, true);
    expect(await requestWith(session)).toBeNull();
    expect(await authenticateApiToken(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    expect(await requestWith(await signIn(user.email))).toMatchObject({ id: user.id });
  });

  it("a role change ends the sessions begun under the old role", async () => {
    const unit = await createTestUnit();
    const user = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    const session = await signIn(user.email);
    const edit = { email: user.email, fullName: user.fullName, jobTitle: user.jobTitle, unitId: unit.id };
    expect(await saveUser(admin, { ...edit, role: "AUDITOR" }, user.id)).toMatchObject({ ok: true });
    expect(await requestWith(session)).toMatchObject({ id: user.id }); // no role change, session stays
    expect(await saveUser(admin, { ...edit, role: "UNIT_HEAD" }, user.id)).toMatchObject({ ok: true });
    expect(await requestWith(session)).toBeNull();
  });

  it("signing out kills a copy of the cookie taken before; an old copy cannot sign the person out again", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    const session = await signIn(user.email);
    const copied = structuredClone(session);
    await authOptions.events!.signOut!({ token: session } as never);
    expect(await requestWith(copied)).toBeNull();

    const fresh = await signIn(user.email);
    await authOptions.events!.signOut!({ token: copied } as never);
    expect(await requestWith(fresh)).toMatchObject({ id: user.id });
  });

  it("the admin's 'sign out everywhere' ends every session and API key (ADMIN only), audited", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    const [laptop, phone] = [await signIn(user.email), await signIn(user.email)];
    const { token } = await createApiToken(await requestWith(laptop), { name: "Kịch bản" });
    expect(await signOutUserEverywhere(await createActor("CHAIRPERSON"), user.id)).toMatchObject({ ok: false });
    expect(await requestWith(phone)).toMatchObject({ id: user.id });
    expect(await signOutUserEverywhere(admin, user.id)).toEqual({
      ok: true,
      message: `Đã đăng xuất ${user.email} khỏi mọi thiết bị và thu hồi các khóa API của người này.`,
    });
    expect(await requestWith(laptop)).toBeNull();
    expect(await requestWith(phone)).toBeNull();
    expect(await authenticateApiToken(`Bearer ${token}`)).toMatchObject({ ok: false });
  });

  it("a session cookie from before session versions existed is signed out", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    const { sessionVersion: _dropped, ...old } = await signIn(user.email);
    expect(await requestWith(old as JWT)).toBeNull();
  });

  it("a session that owes its second factor (or, for a required role, its set-up) is signed out for everything but those pages", async () => {
    const chair = await createTestUser({ role: "CHAIRPERSON", password: PASSWORD });
    const enrol = await signIn(chair.email);
    expect(enrol.secondFactor).toBe("enrol");
    expect(await requestWith(enrol)).toBeNull();
    expect(await getSignedInPerson()).toMatchObject({ actor: { id: chair.id }, secondFactor: "enrol" });

    const auditor = await createTestUser({ role: "AUDITOR", password: PASSWORD });
    await prisma.secondFactor.create({ data: { userId: auditor.id, secretSealed: new Uint8Array(32), enabledAt: new Date() } });
    const pending = await signIn(auditor.email);
    expect(pending.secondFactor).toBe("pending");
    expect(await requestWith(pending)).toBeNull();
    expect(await requestWith({ ...pending, secondFactor: "done" })).toMatchObject({ id: auditor.id });
  });
});
