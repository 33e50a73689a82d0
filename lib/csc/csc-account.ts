import type { CscConfig } from "./csc-config";
import { CscError } from "./csc-error";
import { refreshAccessToken } from "./refresh-access-token";
import type { CscTokens } from "./csc-tokens";

/**
 * A person's linked provider account as the signing code uses it: the current access token, refreshed
 * when it has expired or the provider says it has, with the new tokens handed to `onRefresh` to store.
 */
export interface CscAccount {
  config: CscConfig;
  /** A token believed valid (refreshed first if past its expiry). */
  accessToken(): Promise<string>;
  /** Forces a refresh (after the provider answered invalid_token); throws "link-expired" when refused. */
  refresh(): Promise<string>;
}

/** Expired this long before expiresAt, so a token does not lapse mid-batch. */
const EXPIRY_MARGIN_MS = 30_000;

export function cscAccountFromTokens(config: CscConfig, initial: CscTokens, onRefresh?: (tokens: CscTokens) => Promise<void>): CscAccount {
  let tokens = initial;
  let refreshing: Promise<string> | null = null;
  const refresh = () => {
    refreshing ??= (async () => {
      try {
        if (!tokens.refreshToken) throw new CscError("link-expired", "access token expired and no refresh token");
        tokens = await refreshAccessToken(config, tokens.refreshToken);
        await onRefresh?.(tokens);
        return tokens.accessToken;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };
  return {
    config,
    async accessToken() {
      if (tokens.expiresAt.getTime() - EXPIRY_MARGIN_MS <= Date.now()) return refresh();
      return tokens.accessToken;
    },
    refresh,
  };
}

/** Runs `call` with the account's token; once, after the provider rejects the token, refreshes and retries. */
export async function withAccessToken<T>(account: CscAccount, call: (accessToken: string) => Promise<T>): Promise<T> {
  const token = await account.accessToken();
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof CscError) || error.code !== "link-expired") throw error;
    return call(await account.refresh());
  }
}
