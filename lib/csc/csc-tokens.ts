import type { CscTokenResponse } from "./csc-schemas";

/** A person's tokens at the provider. */
export interface CscTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scope: string | null;
}

/** Without expires_in the access token is assumed to last an hour (the CSC default). */
export function tokensFromResponse(answer: CscTokenResponse, previousRefreshToken: string | null = null, now = Date.now()): CscTokens {
  return {
    accessToken: answer.access_token,
    // A refresh answer may omit refresh_token: the old one stays valid (RFC 6749 §6).
    refreshToken: answer.refresh_token ?? previousRefreshToken,
    expiresAt: new Date(now + (answer.expires_in ?? 3600) * 1000),
    scope: answer.scope ?? null,
  };
}
