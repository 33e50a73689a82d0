import type { JWT } from "next-auth/jwt";
import { encodeJwt } from "./session-jwt";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SecondFactorState } from "@/lib/second-factor/second-factor-pages";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

type SessionUser = { id: string; role: Role; unitId: string | null; sessionVersion: number };

/** What the session JWT carries about its person; current-user.ts checks sessionVersion on every request. */
export function sessionClaims(user: SessionUser): Pick<JWT, "userId" | "role" | "unitId" | "sessionVersion"> {
  return { userId: user.id, role: user.role, unitId: user.unitId, sessionVersion: user.sessionVersion };
}

/**
 * next-auth's session cookie, spelled out so the plain-HTML login writes exactly the cookie next-auth and
 * the sign-in gate (proxy.ts, which picks the name the same way from NEXTAUTH_URL) read.
 */
export function sessionCookie() {
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** The signed session cookie value for a person who has just proved their password (and, once given, their second factor). */
export function encodeSessionToken(user: SessionUser & { email: string; fullName: string }, secondFactor: SecondFactorState): Promise<string> {
  const token: JWT = { sub: user.id, name: user.fullName, email: user.email, ...sessionClaims(user), secondFactor };
  return encodeJwt({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge: SESSION_MAX_AGE_SECONDS });
}
