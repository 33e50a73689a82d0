import { createHash, randomBytes } from "node:crypto";
import type { CscConfig } from "./csc-config";

export interface CscAuthorizationRequest {
  /** Where to send the person's browser: the provider's oauth2/authorize. */
  url: string;
  /** Kept in an httpOnly cookie and compared in the callback. */
  state: string;
  /** PKCE (RFC 7636) verifier, kept with the state; its S256 challenge is in the URL. */
  codeVerifier: string;
}

const random = () => randomBytes(32).toString("base64url");

/** The OAuth2 authorization-code request (scope "service": list credentials, authorize, sign) with state and PKCE S256. */
export function buildAuthorizationRequest(config: CscConfig, redirectUri: string, lang = "vi"): CscAuthorizationRequest {
  const state = random();
  const codeVerifier = random();
  const url = new URL(`${config.oauthUrl}/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: "service",
    state,
    code_challenge: createHash("sha256").update(codeVerifier).digest("base64url"),
    code_challenge_method: "S256",
    lang,
  }).toString();
  return { url: url.toString(), state, codeVerifier };
}
