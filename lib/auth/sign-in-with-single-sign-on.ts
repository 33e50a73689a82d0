import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuthenticatedUser } from "./authenticate-user";
import type { SingleSignOnSettings } from "./single-sign-on-settings";

/** Why a person the identity provider vouched for still may not enter camket; each has one fixed message. */
export const SINGLE_SIGN_ON_REFUSALS = ["ssoUnknown", "ssoDisabled", "ssoUnverified"] as const;
export type SingleSignOnRefusal = (typeof SINGLE_SIGN_ON_REFUSALS)[number];

export type SingleSignOnResult = { ok: true; user: AuthenticatedUser } | { ok: false; error: SingleSignOnRefusal | "unavailable" };

type Claims = Record<string, unknown>;

const claimText = (claims: Claims, name: string) => {
  const value = claims[name];
  return typeof value === "string" && value.trim() && value.length <= 254 && !/[\u0000-\u001f\u007f]/.test(value) ? value.trim() : null;
};

/**
 * The camket account the identity provider's verified claims name — never a new one: accounts are made by
 * Phòng Nội vụ (or the HR sync), and a stranger with a provider account gets nothing. By e-mail, only when the
 * provider has not said the address is unverified; by another claim (e.g. a staff number), against
 * User.externalId. A deactivated account is refused like at the password form. Audited either way, with the
 * provider's subject so a refusal can be traced back at the provider.
 */
export async function signInWithSingleSignOn(claims: Claims, settings: SingleSignOnSettings): Promise<SingleSignOnResult> {
  const subject = claimText(claims, "sub");
  const key = claimText(claims, settings.matchClaim);
  const byEmail = settings.matchClaim === "email";
  try {
    const refuse = async (error: SingleSignOnRefusal, actorId: string | null = null): Promise<SingleSignOnResult> => {
      const data = { method: "oidc", reason: error, subject, ...(byEmail ? {} : { [settings.matchClaim]: key }) };
      await audit({ type: "LOGIN_FAILED", actorId, actorEmail: byEmail ? (key?.toLowerCase() ?? null) : null, data });
      return { ok: false, error };
    };
    if (!subject || !key) return await refuse("ssoUnknown");
    if (byEmail && claims.email_verified === false) return await refuse("ssoUnverified");
    const user = await prisma.user.findUnique({
      where: byEmail ? { email: key.toLowerCase() } : { externalId: key },
      select: { id: true, email: true, fullName: true, role: true, unitId: true, sessionVersion: true, active: true },
    });
    if (!user) return await refuse("ssoUnknown");
    if (!user.active) return await refuse("ssoDisabled", user.id);
    await audit({ type: "LOGIN", actorId: user.id, actorEmail: user.email, data: { method: "oidc", subject } });
    const { id, email, fullName, role, unitId, sessionVersion } = user;
    return { ok: true, user: { id, email, fullName, role, unitId, sessionVersion } };
  } catch (error) {
    console.error(`Đăng nhập một lần thất bại do lỗi hệ thống: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: "unavailable" };
  }
}

const audit = (event: Parameters<typeof recordAuditEvent>[1]) => prisma.$transaction((tx) => recordAuditEvent(tx, event));
