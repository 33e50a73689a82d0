import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { signInWithCredentials } from "./sign-in-with-credentials";
import { SESSION_MAX_AGE_SECONDS, sessionClaims, sessionCookie } from "./session-cookie";
import { decodeJwt, encodeJwt } from "./session-jwt";
import { singleSignOnSettings } from "./single-sign-on-settings";
import { singleSignOnProvider } from "./single-sign-on-provider";
import type { SingleSignOnRefusal } from "./sign-in-with-single-sign-on";
import { secondFactorStateAtSignIn } from "@/lib/second-factor/second-factor-state";
import type { SecondFactorState } from "@/lib/second-factor/second-factor-pages";

const singleSignOn = singleSignOnSettings();

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's JWE, with the HKDF-derived key cached instead of derived on every request.
  jwt: { encode: encodeJwt, decode: decodeJwt },
  // The same cookie the plain-HTML login (app/api/auth/login) writes.
  cookies: { sessionToken: sessionCookie() },
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
        const result = await signInWithCredentials(credentials, (name) => String(req.headers?.[name] ?? "").slice(0, 500) || null);
        if (!result.ok) throw new Error(result.message);
        const { id, email, fullName, role, unitId, sessionVersion } = result.user;
        return { id, email, name: fullName, role, unitId, sessionVersion };
      },
    }),
    ...(singleSignOn ? [singleSignOnProvider(singleSignOn)] : []),
  ],
  callbacks: {
    // A person the identity provider vouched for but camket refuses: back to the login page with the reason's code.
    signIn({ user }) {
      return user.refused ? `/login?error=${user.refused}` : true;
    },
    // At sign-in, by any provider: whether the second factor is still to be given (or set up) before anything else.
    async jwt({ token, user }) {
      return user ? { ...token, ...sessionClaims(user), secondFactor: await secondFactorStateAtSignIn(user) } : token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.userId,
        role: token.role,
        unitId: token.unitId,
        sessionVersion: token.sessionVersion,
        secondFactor: token.secondFactor ?? "done",
      };
      return session;
    },
  },
  events: {
    // Signing out ends every session of this person, so a copy of the cookie taken earlier dies too. Only
    // when the cookie is current: an old, already-dead copy cannot sign the person out elsewhere.
    async signOut({ token }) {
      if (!token?.userId || typeof token.sessionVersion !== "number") return;
      await prisma.user.updateMany({
        where: { id: token.userId, sessionVersion: token.sessionVersion },
        data: { sessionVersion: { increment: 1 } },
      });
    },
  },
};

declare module "next-auth" {
  interface User {
    role: Role;
    unitId: string | null;
    sessionVersion: number;
    /** Set only on the way through a refused single sign-on (lib/auth/single-sign-on-provider); never in a session. */
    refused?: SingleSignOnRefusal | "unavailable";
  }
  interface Session {
    user: {
      id: string;
      role: Role;
      unitId: string | null;
      sessionVersion: number;
      secondFactor: SecondFactorState;
      name?: string | null;
      email?: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    role: Role;
    unitId: string | null;
    /** User.sessionVersion when this session began; a different one in the database ends it. */
    sessionVersion: number;
    /** Absent on sessions from before second factors existed: nothing more to ask of them. */
    secondFactor?: SecondFactorState;
  }
}
