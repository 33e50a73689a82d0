import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateUser } from "./authenticate-user";
import { isIpThrottled } from "./ip-throttle";
import { clientIp } from "./client-ip";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/generated/prisma/enums";
import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { adoptLoginPageLocale } from "@/lib/users/set-user-locale";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // One line per problem: next-auth's own logger prints the error's metadata (requests, tokens in
  // flight), and a forged or expired cookie would print a stack trace per request.
  logger: {
    error: (code, metadata) => console.error(`next-auth ${code}: ${(metadata instanceof Error ? metadata : metadata.error)?.message ?? ""}`),
    warn: (code) => console.warn(`next-auth ${code}`),
    debug: () => undefined,
  },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const header = (name: string) => String(req.headers?.[name] ?? "").slice(0, 500) || null;
        // Still signed out, so the login page's language comes from the visitor's cookie.
        const chosen = header("cookie")?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(\\w+)`))?.[1];
        const loginPageLocale = isLocale(chosen) ? chosen : undefined;
        const { auth } = messagesFor(loginPageLocale);
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(auth.invalidCredentials);
        const ip = clientIp(header("x-forwarded-for"), header("x-real-ip"));
        if (await isIpThrottled(ip)) throw new Error(auth.ipThrottled);
        const result = await authenticateUser(parsed.data.email, parsed.data.password);
        await prisma.$transaction((tx) =>
          recordAuditEvent(tx, {
            type: result.ok ? "LOGIN" : "LOGIN_FAILED",
            actorId: result.ok ? result.user.id : null,
            // The address as typed (lower-cased): a failure for an unknown account is worth seeing too.
            actorEmail: parsed.data.email.toLowerCase(),
            ip,
            userAgent: header("user-agent"),
            data: result.ok ? {} : { reason: result.reason },
          }),
        );
        if (result.ok) {
          await adoptLoginPageLocale(result.user.id, loginPageLocale);
          return { id: result.user.id, email: result.user.email, name: result.user.fullName, role: result.user.role, unitId: result.user.unitId };
        }
        if (result.reason === "locked") {
          throw new Error(formatMessage(auth.locked, { until: formatDateTime(result.lockedUntil) }));
        }
        throw new Error(auth.invalidCredentials);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.role = user.role;
        token.unitId = user.unitId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.userId, role: token.role, unitId: token.unitId };
      return session;
    },
  },
};

declare module "next-auth" {
  interface User {
    role: Role;
    unitId: string | null;
  }
  interface Session {
    user: { id: string; role: Role; unitId: string | null; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    role: Role;
    unitId: string | null;
  }
}
