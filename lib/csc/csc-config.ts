/**
 * The deployment's remote-signing (CSC API v2) provider, from the environment. Remote signing is offered
 * only when the base URL, client id and client secret are all set.
 */
export interface CscConfig {
  /** The provider's API root, e.g. https://rs.example.vn/csc/v2 (no trailing slash). */
  baseUrl: string;
  /** The provider's OAuth2 root (…/oauth2), holding /authorize and /token. */
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  /** Shown to people: "Ký số từ xa (<name>)". */
  name: string;
  /** Every call to the provider gives up after this long. */
  timeoutMs: number;
  /** Most hashes sent in one signatures/signHash call (the batch is split beyond this). */
  maxHashesPerRequest: number;
}

export const CSC_DEFAULT_TIMEOUT_MS = 15_000;
export const CSC_DEFAULT_MAX_HASHES = 10;

const trimSlash = (url: string) => url.trim().replace(/\/+$/, "");

export function cscConfigFromEnv(env: Record<string, string | undefined> = process.env): CscConfig | null {
  const baseUrl = env.CAMKET_CSC_BASE_URL?.trim();
  const clientId = env.CAMKET_CSC_CLIENT_ID?.trim();
  const clientSecret = env.CAMKET_CSC_CLIENT_SECRET?.trim();
  if (!baseUrl || !clientId || !clientSecret) return null;
  return {
    baseUrl: trimSlash(baseUrl),
    oauthUrl: trimSlash(env.CAMKET_CSC_OAUTH_URL?.trim() || `${trimSlash(baseUrl)}/oauth2`),
    clientId,
    clientSecret,
    name: env.CAMKET_CSC_NAME?.trim() || new URL(baseUrl).hostname,
    timeoutMs: CSC_DEFAULT_TIMEOUT_MS,
    maxHashesPerRequest: CSC_DEFAULT_MAX_HASHES,
  };
}

/** Whether this deployment offers remote signing at all. */
export function isCscConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return cscConfigFromEnv(env) !== null;
}
