import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { messagesFor, type Messages } from "@/lib/i18n/messages-for";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { adoptLoginPageLocale } from "@/lib/users/set-user-locale";
import { authenticateUser, type AuthenticatedUser } from "./authenticate-user";
import { isIpThrottled } from "./ip-throttle";
import { clientIp } from "./client-ip";
import { passwordLoginEnabled } from "./single-sign-on-settings";
import { SINGLE_SIGN_ON_REFUSALS } from "./sign-in-with-single-sign-on";

/** What the login form is told; each has one fixed message (the page shows it by code, never from the URL). */
export const LOGIN_ERRORS = ["invalid", "locked", "addressThrottled", "unavailable", "passwordLoginOff", ...SINGLE_SIGN_ON_REFUSALS, "ssoFailed"] as const;
export type LoginError = (typeof LOGIN_ERRORS)[number];

export type SignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; error: LoginError; message: string };

/** Reads one request header (next-auth hands a plain object, a route handler a Headers). */
export type HeaderLookup = (name: string) => string | null;

// Control characters cannot be part of an e-mail address; PostgreSQL would refuse a NUL outright (22021).
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254).refine((s) => !CONTROL_CHARACTERS.test(s)),
  password: z.string().min(1).max(200),
});

export const isLoginError = (code: unknown): code is LoginError => LOGIN_ERRORS.includes(code as LoginError);

export function loginErrorMessage(error: LoginError, auth: Messages["auth"]): string {
  return {
    invalid: auth.invalidCredentials,
    locked: auth.locked,
    addressThrottled: auth.ipThrottled,
    unavailable: auth.unavailable,
    passwordLoginOff: auth.passwordLoginOff,
    ssoUnknown: auth.ssoUnknown,
    ssoDisabled: auth.ssoDisabled,
    ssoUnverified: auth.ssoUnverified,
    ssoFailed: auth.ssoFailed,
  }[error];
}

/** The login page's language: still signed out, so it is the visitor's cookie. */
function loginPageLocale(header: HeaderLookup) {
  const chosen = header("cookie")?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(\\w+)`))?.[1];
  return isLocale(chosen) ? chosen : undefined;
}

/**
 * The whole sign-in, for the JavaScript form (next-auth's credentials provider) and the plain HTML form
 * (app/api/auth/login) alike: validate, throttle, check the password, audit, adopt the page's language.
 * Every failure is one of four fixed messages; a database or other internal error is logged here and
 * reaches the visitor only as "temporarily unavailable".
 */
export async function signInWithCredentials(credentials: unknown, header: HeaderLookup, now = new Date()): Promise<SignInResult> {
  const locale = loginPageLocale(header);
  const fail = (error: LoginError): SignInResult => ({ ok: false, error, message: loginErrorMessage(error, messagesFor(locale).auth) });
  if (!passwordLoginEnabled()) return fail("passwordLoginOff");
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return fail("invalid");
  const email = parsed.data.email.toLowerCase();
  const ip = clientIp(header("x-forwarded-for"), header("x-real-ip"));
  try {
    if (await isIpThrottled(ip, now)) return fail("addressThrottled");
    const result = await authenticateUser(email, parsed.data.password, now, ip);
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        type: result.ok ? "LOGIN" : "LOGIN_FAILED",
        actorId: result.ok ? result.user.id : null,
        // The address as typed (lower-cased): a failure for an unknown account is worth seeing too.
        actorEmail: email,
        ip,
        userAgent: header("user-agent")?.slice(0, 500) || null,
        data: result.ok ? {} : { reason: result.reason },
      }),
    );
    if (!result.ok) return fail(result.reason);
    await adoptLoginPageLocale(result.user.id, locale);
    return result;
  } catch (error) {
    console.error(`Đăng nhập thất bại do lỗi hệ thống: ${error instanceof Error ? error.message : String(error)}`);
    return fail("unavailable");
  }
}
