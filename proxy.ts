import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { decodeJwt } from "@/lib/auth/session-jwt";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseOversizedUpload } from "@/lib/verification/refuse-oversized-upload";

/** Reachable signed out: the login page, the public city CA page and certificate (/ca), next-auth's own endpoints, and the token-authenticated API (401 JSON itself). */
const PUBLIC = /^\/(login|ca|api\/auth|api\/v1)(\/|$)/;

// Signed-out visitors go to /login. Roles and units are checked again by every page, action and route —
// this is only the first gate.
const authGate = withAuth({
  pages: { signIn: "/login" },
  // The same decode as lib/auth/auth-options: the derived key cached, not re-derived on every request.
  jwt: { decode: decodeJwt },
  callbacks: { authorized: ({ req, token }) => token !== null || PUBLIC.test(req.nextUrl.pathname) },
});

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
