import { authorizeCredential } from "./authorize-credential";
import { withAccessToken, type CscAccount } from "./csc-account";
import { CscError } from "./csc-error";
import { signAlgoFor } from "./csc-oids";
import type { CscCredentialInfo } from "./csc-schemas";
import { getCredentialInfo } from "./get-credential-info";
import { signHashes } from "./sign-hashes";

export interface SignHashesWithCscInput {
  account: CscAccount;
  credentialId: string;
  /** SHA-256 digests (32 bytes each): for PAdES, the SHA-256 of each document's DER signed attributes. */
  hashes: Uint8Array[];
  pin?: string;
  otp?: string;
  /** Shown by some providers in their authorization prompt. */
  description?: string;
}

/**
 * Signs every hash under ONE authorization (one PIN/OTP for the whole batch): credentials/info (is the key
 * enabled, the certificate still valid, how many signatures one authorization allows), one
 * credentials/authorize bound to exactly these hashes, then signatures/signHash in batches of at most the
 * provider's limit with that SAD. Returns one signature per hash, in order (ECDSA as the provider gives it —
 * DER or r‖s — RSA PKCS#1 v1.5): checkExternalSignature verifies each against the certificate before
 * anything is embedded. Throws CscError (message safe to show) on any failure; then nothing was signed.
 */
export async function signHashesWithCsc(input: SignHashesWithCscInput): Promise<Uint8Array[]> {
  const { account, credentialId, hashes } = input;
  if (hashes.length === 0) return [];
  if (hashes.some((hash) => hash.length !== 32)) throw new Error("signHashesWithCsc: every hash must be a 32-byte SHA-256 digest");
  const config = account.config;

  const info = await withAccessToken(account, (token) => getCredentialInfo(config, token, credentialId));
  assertUsable(info);
  const signAlgo = signAlgoFor(info.key.algo);
  if (!signAlgo) throw new CscError("credential-unusable", `credentials/info: no SHA-256 signature algorithm in ${info.key.algo.join(",")}`);
  if (hashes.length > info.multisign) throw new CscError("too-many-signatures", `${hashes.length} hashes, multisign ${info.multisign}`);

  const { sad } = await withAccessToken(account, (token) =>
    authorizeCredential(config, token, { credentialId, hashes, pin: input.pin, otp: input.otp, description: input.description }),
  );

  const signatures: Uint8Array[] = [];
  const batch = Math.max(1, config.maxHashesPerRequest);
  for (let start = 0; start < hashes.length; start += batch) {
    const part = hashes.slice(start, start + batch);
    signatures.push(...(await withAccessToken(account, (token) => signHashes(config, token, { credentialId, sad, hashes: part, signAlgo }))));
  }
  return signatures;
}

function assertUsable(info: CscCredentialInfo): void {
  if (info.key.status !== "enabled") throw new CscError("credential-unusable", `credentials/info: key status ${info.key.status}`);
  const status = info.cert?.status;
  if (status && status !== "valid") throw new CscError("credential-expired", `credentials/info: certificate status ${status}`);
  const validTo = info.cert?.validTo ? parseGeneralizedTime(info.cert.validTo) : null;
  if (validTo && validTo.getTime() < Date.now()) throw new CscError("credential-expired", `credentials/info: certificate validTo ${info.cert?.validTo}`);
}

/** CSC dates are X.509 GeneralizedTime text ("20271204093000Z"); ISO 8601 is accepted too. */
export function parseGeneralizedTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
    return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
