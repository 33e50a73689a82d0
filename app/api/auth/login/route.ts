import { NextResponse } from "next/server";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { signInWithCredentials } from "@/lib/auth/sign-in-with-credentials";
import { encodeSessionToken, SESSION_MAX_AGE_SECONDS, sessionCookie } from "@/lib/auth/session-cookie";
import { ROLE_HOME } from "@/lib/auth/roles";
import { secondFactorStateAtSignIn } from "@/lib/second-factor/second-factor-state";
import { SECOND_FACTOR_PAGES } from "@/lib/second-factor/second-factor-pages";

/** A relative Location: right behind any proxy, whatever host name the browser used. */
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/**
 * The login form's plain HTML POST, for a browser that has not run (or does not run) JavaScript: the same
 * sign-in as next-auth's credentials provider, the same session cookie, then the role's home page. A
 * failure goes back to /login with an error code the page turns into its fixed message — never the
 * password, never text from the request. A cross-site form is refused, so no one can sign a visitor into
 * an account of theirs.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return seeOther("/login?error=invalid");
  const form = await request.formData().catch(() => null);
  const credentials = { email: form?.get("email"), password: form?.get("password") };
  const result = await signInWithCredentials(credentials, (name) => request.headers.get(name));
  if (!result.ok) return seeOther(`/login?error=${result.error}`);
  const secondFactor = await secondFactorStateAtSignIn(result.user);
  const response = seeOther(secondFactor === "done" ? ROLE_HOME[result.user.role] : SECOND_FACTOR_PAGES[secondFactor]);
  const { name, options } = sessionCookie();
  response.cookies.set(name, await encodeSessionToken(result.user, secondFactor), { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
  return response;
}
