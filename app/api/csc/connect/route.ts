import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { buildAuthorizationRequest } from "@/lib/csc/build-authorization-request";
import { cscConfigFromEnv } from "@/lib/csc/csc-config";
import { CSC_LINK_COOKIE, CSC_LINK_COOKIE_MAX_AGE, encodeLinkCookie } from "@/lib/csc/csc-link-cookie";
import { cscRedirectUri, cscReturnPath } from "@/lib/csc/csc-link-urls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A relative Location: right behind any proxy, whatever host name the browser used. */
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/**
 * GET /api/csc/connect — starts linking the signed-in person's remote-signing account: a fresh OAuth2 state
 * and PKCE verifier in an httpOnly cookie (bound to this person, 10 minutes), then the provider's
 * oauth2/authorize. Without a configured provider, back to the certificate page saying so.
 */
export async function GET() {
  const actor = await getCurrentUser();
  if (!actor) return seeOther("/login");
  const config = cscConfigFromEnv();
  if (!config) return seeOther(cscReturnPath("not-configured"));
  const request = buildAuthorizationRequest(config, cscRedirectUri(), actor.locale);
  const response = new NextResponse(null, { status: 303, headers: { Location: request.url } });
  response.cookies.set(CSC_LINK_COOKIE, encodeLinkCookie({ state: request.state, codeVerifier: request.codeVerifier, userId: actor.id, createdAt: Date.now() }), {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
    sameSite: "lax",
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    path: "/api/csc",
    maxAge: CSC_LINK_COOKIE_MAX_AGE,
  });
  return response;
}
