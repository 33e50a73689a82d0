import type { CscConfig } from "./csc-config";
import { CscError } from "./csc-error";
import { decodeLinkCookie, sameState } from "./csc-link-cookie";
import type { CscTokens } from "./csc-tokens";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";

export type CompleteCscLinkResult =
  | { ok: true; tokens: CscTokens }
  | { ok: false; reason: "state-mismatch" | "denied" | "provider"; error?: CscError };

/**
 * The callback half of linking: the state the provider sent back must equal the one in the person's link
 * cookie (same person, not expired), then the code is exchanged with the PKCE verifier. Nothing is called at
 * the provider when the state does not match.
 */
export async function completeCscLink(input: {
  config: CscConfig;
  userId: string;
  query: URLSearchParams;
  cookie: string | undefined;
  redirectUri: string;
}): Promise<CompleteCscLinkResult> {
  const stored = decodeLinkCookie(input.cookie);
  const state = input.query.get("state");
  if (!stored || !state || stored.userId !== input.userId || !sameState(state, stored.state)) return { ok: false, reason: "state-mismatch" };
  const code = input.query.get("code");
  if (input.query.get("error") || !code) return { ok: false, reason: "denied" };
  try {
    return { ok: true, tokens: await exchangeAuthorizationCode(input.config, { code, redirectUri: input.redirectUri, codeVerifier: stored.codeVerifier }) };
  } catch (error) {
    if (error instanceof CscError) return { ok: false, reason: "provider", error };
    throw error;
  }
}
