import type { CscConfig } from "./csc-config";
import { cscCall } from "./csc-request";
import { tokenSchema } from "./csc-schemas";
import { tokensFromResponse, type CscTokens } from "./csc-tokens";

/** POST oauth2/token, grant_type=authorization_code, with the client secret and the PKCE verifier. */
export async function exchangeAuthorizationCode(config: CscConfig, input: { code: string; redirectUri: string; codeVerifier: string }): Promise<CscTokens> {
  const answer = await cscCall({
    config,
    url: `${config.oauthUrl}/token`,
    form: {
      grant_type: "authorization_code",
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
      client_id: config.clientId,
      client_secret: config.clientSecret,
    },
    schema: tokenSchema,
    operation: "oauth2/token (authorization_code)",
  });
  return tokensFromResponse(answer);
}
