import type { CscConfig } from "./csc-config";
import { cscCall, cscUrl } from "./csc-request";
import { credentialsListSchema } from "./csc-schemas";

/** POST credentials/list: the ids of the signing credentials the access token's user holds. */
export async function listCredentials(config: CscConfig, accessToken: string): Promise<string[]> {
  const answer = await cscCall({
    config,
    url: cscUrl(config, "credentials/list"),
    accessToken,
    json: { onlyValid: false },
    schema: credentialsListSchema,
    operation: "credentials/list",
  });
  return answer.credentialIDs;
}
