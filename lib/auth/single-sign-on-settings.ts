import { z } from "zod";

/** The city's OpenID provider (e.g. the province's identity portal), from the environment; null when not configured. */
export type SingleSignOnSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's label on the login page. */
  name: string;
  /** Which claim names the person: `email` matches User.email; any other claim matches User.externalId. */
  matchClaim: string;
  scope: string;
};

type Environment = Record<string, string | undefined>;

const settingsSchema = z.object({
  issuer: z.url({ protocol: /^https?$/ }).transform((s) => s.replace(/\/+$/, "")),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  name: z.string().min(1).max(80),
  matchClaim: z.string().regex(/^[A-Za-z_][\w.-]{0,63}$/),
  scope: z.string().regex(/(^|\s)openid(\s|$)/),
});

/**
 * Read on each use (tests and a restart may change the environment). A half-made configuration is an
 * operator's mistake worth stopping for, not a reason to silently fall back to passwords only.
 */
export function singleSignOnSettings(env: Environment = process.env): SingleSignOnSettings | null {
  if (!env.CAMKET_OIDC_ISSUER && !env.CAMKET_OIDC_CLIENT_ID) return null;
  const parsed = settingsSchema.safeParse({
    issuer: env.CAMKET_OIDC_ISSUER,
    clientId: env.CAMKET_OIDC_CLIENT_ID,
    clientSecret: env.CAMKET_OIDC_CLIENT_SECRET,
    name: env.CAMKET_OIDC_NAME || "Cổng định danh",
    matchClaim: env.CAMKET_OIDC_MATCH_CLAIM || "email",
    scope: env.CAMKET_OIDC_SCOPE || "openid email profile",
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Cấu hình đăng nhập một lần (CAMKET_OIDC_*) chưa đúng: ${fields}`);
  }
  return parsed.data;
}

/**
 * Local passwords stay on unless CAMKET_PASSWORD_LOGIN=off — and only while single sign-on is configured,
 * so a mistyped variable can never lock every person out.
 */
export function passwordLoginEnabled(env: Environment = process.env): boolean {
  return env.CAMKET_PASSWORD_LOGIN !== "off" || singleSignOnSettings(env) === null;
}
