import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { completeCscLink } from "@/lib/csc/complete-csc-link";
import { saveCscTokens } from "@/lib/csc/csc-account-store";
import { cscConfigFromEnv } from "@/lib/csc/csc-config";
import { CSC_LINK_COOKIE } from "@/lib/csc/csc-link-cookie";
import { cscRedirectUri, cscReturnPath, type CscLinkOutcome } from "@/lib/csc/csc-link-urls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/csc/callback?code&state — the provider sends the person back here. The state must match the
 * link cookie set by /api/csc/connect for this same person; then the code is exchanged (with the PKCE
 * verifier) and the tokens are stored encrypted. Always back to /chu-ky-so with ?csc=<outcome>; the cookie
 * is cleared whatever happened. The provider's error text is logged, never put in the URL.
 */
export async function GET(request: NextRequest) {
  const actor = await getCurrentUser();
  if (!actor) return back("/login");
  const config = cscConfigFromEnv();
  if (!config) return back(cscReturnPath("not-configured"));
  const query = new URL(request.url).searchParams;
  const result = await completeCscLink({
    config,
    userId: actor.id,
    query,
    cookie: request.cookies.get(CSC_LINK_COOKIE)?.value,
    redirectUri: cscRedirectUri(),
  });
  let outcome: CscLinkOutcome;
  if (result.ok) {
    await saveCscTokens(actor.id, result.tokens);
    outcome = "linked";
  } else if (result.reason === "provider") {
    outcome = result.error && ["provider-down", "timeout"].includes(result.error.code) ? "provider-down" : "link-failed";
  } else {
    if (result.reason === "denied") console.error(`[camket] remote signing (CSC): link denied: ${query.get("error") ?? "no code"}`);
    outcome = result.reason;
  }
  return back(cscReturnPath(outcome));
}

function back(location: string) {
  const response = new NextResponse(null, { status: 303, headers: { Location: location } });
  response.cookies.set(CSC_LINK_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/api/csc", maxAge: 0 });
  return response;
}
