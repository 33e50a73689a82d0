import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { decodeJwt } from "@/lib/auth/session-jwt";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseOversizedUpload } from "@/lib/verification/refuse-oversized-upload";
import { SECOND_FACTOR_PAGES } from "@/lib/second-factor/second-factor-pages";

/** Reachable signed out: the login page, the public city CA page and certificate (/ca), next-auth's own endpoints, and the token-authenticated API (401 JSON itself). */
const PUBLIC = /^\/(login|ca|api\/auth|api\/v1)(\/|$)/;

// Signed-out visitors go to /login. Roles and units are checked again by every page, action and route —
// this is only the first gate.
const authGate = withAuth(secondFactorGate, {
  pages: { signIn: "/login" },
  // The same decode as lib/auth/auth-options: the derived key cached, not re-derived on every request.
  jwt: { decode: decodeJwt },
  callbacks: { authorized: ({ req, token }) => token !== null || PUBLIC.test(req.nextUrl.pathname) },
});

/**
 * A session still owing its second factor (or, for a role that requires one, its set-up) goes to the page that
 * asks for it, from anywhere but that page, next-auth's endpoints and the public pages. lib/auth/current-user
 * treats such a session as signed out too, so this is the friendly half, not the only one.
 */
function secondFactorGate(request: NextRequestWithAuth) {
  const state = request.nextauth.token?.secondFactor;
  if (state !== "pending" && state !== "enrol") return undefined;
  const page = SECOND_FACTOR_PAGES[state];
  const path = request.nextUrl.pathname;
  if (path === page || PUBLIC.test(path)) return undefined;
  return NextResponse.redirect(new URL(page, request.url), 303);
}

/** The sign-in gate, then a fresh CSP nonce on every response (the login page's too). */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const redirect = await authGate(request as NextRequestWithAuth, event);
  if (redirect) return redirect;
  const refused = refuseOversizedUpload(request);
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
