import type { CscConfig } from "./csc-config";
import { CscError } from "./csc-error";
import { cscCall } from "./csc-request";
import { tokenSchema } from "./csc-schemas";
import { tokensFromResponse, type CscTokens } from "./csc-tokens";

/**
 * POST oauth2/token, grant_type=refresh_token. A refused refresh (revoked, expired) is "link-expired": the
 * person has to link the account again.
 */
export async function refreshAccessToken(config: CscConfig, refreshToken: string): Promise<CscTokens> {
  try {
    const answer = await cscCall({
      config,
      url: `${config.oauthUrl}/token`,
      form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: config.clientId, client_secret: config.clientSecret },
      schema: tokenSchema,
      operation: "oauth2/token (refresh_token)",
    });
    return tokensFromResponse(answer, refreshToken);
  } catch (error) {
    if (error instanceof CscError && error.code === "refused") throw new CscError("link-expired", error.detail, { cause: error });
    throw error;
  }
}
