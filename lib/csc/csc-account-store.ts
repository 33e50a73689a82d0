import "server-only";
import { prisma } from "@/lib/db/client";
import { parseMasterKey } from "@/lib/signing/key-encryption";
import { masterKeyText } from "@/lib/signatures/master-key";
import { cscAccountFromTokens, type CscAccount } from "./csc-account";
import { cscConfigFromEnv, type CscConfig } from "./csc-config";
import { CscError } from "./csc-error";
import { decryptCscToken, encryptCscToken } from "./csc-token-encryption";
import type { CscTokens } from "./csc-tokens";

/** A person's provider tokens in the database (CscAccount), encrypted under the master key. */

const masterKey = () => parseMasterKey(masterKeyText());

function encrypted(userId: string, tokens: CscTokens) {
  const key = masterKey();
  return {
    encryptedAccessToken: encryptCscToken(tokens.accessToken, key, userId, "access"),
    encryptedRefreshToken: tokens.refreshToken ? encryptCscToken(tokens.refreshToken, key, userId, "refresh") : null,
    expiresAt: tokens.expiresAt,
    scope: tokens.scope,
  };
}

/** Links (or re-links) the person: the callback's tokens replace any earlier ones. */
export async function saveCscTokens(userId: string, tokens: CscTokens): Promise<void> {
  const data = encrypted(userId, tokens);
  await prisma.cscAccount.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** Unlinks: camket forgets the tokens (the provider keeps its own grant until it expires or is revoked there). */
export async function deleteCscTokens(userId: string): Promise<void> {
  await prisma.cscAccount.deleteMany({ where: { userId } });
}

export async function loadCscTokens(userId: string): Promise<CscTokens | null> {
  const row = await prisma.cscAccount.findUnique({ where: { userId } });
  if (!row) return null;
  const key = masterKey();
  return {
    accessToken: decryptCscToken(row.encryptedAccessToken, key, userId, "access"),
    refreshToken: row.encryptedRefreshToken ? decryptCscToken(row.encryptedRefreshToken, key, userId, "refresh") : null,
    expiresAt: row.expiresAt,
    scope: row.scope,
  };
}

/**
 * The person's linked account, ready to sign: refreshed tokens are stored as they come. Throws CscError
 * "not-configured" / "not-linked" (messages safe to show).
 */
export async function openCscAccount(userId: string, config: CscConfig | null = cscConfigFromEnv()): Promise<CscAccount> {
  if (!config) throw new CscError("not-configured");
  const tokens = await loadCscTokens(userId);
  if (!tokens) throw new CscError("not-linked");
  return cscAccountFromTokens(config, tokens, (fresh) => saveCscTokens(userId, fresh));
}
