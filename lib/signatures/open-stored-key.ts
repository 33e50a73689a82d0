import { createHash } from "node:crypto";
import { sha256Hex } from "@/lib/storage/file-store";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError, needsRewrap, parseMasterKey } from "@/lib/signing/key-encryption";
import { keyMatchesCertificate } from "@/lib/signing/key-matches-certificate";
import { masterKeyText } from "./master-key";

/** The stored key does not open for its owner and certificate, or is not the certificate's key; apply-signature words it. */
export class SigningKeyUnusableError extends Error {
  override name = "SigningKeyUnusableError";
}

/**
 * Pairs (certificate, sealed key) already found to match, by the SHA-256 of both: parsing the key to compare
 * public keys cost ~1.2 ms of each signature, and a sealed blob that decrypts for its certificate once
 * decrypts to the same key every time. Bounded; forgetting one only means checking it again.
 */
const matchedPairs = new Set<string>();
const MAX_MATCHED_PAIRS = 10_000;

/** Encrypts a freshly issued key bound to its owner (a user id, or "city-ca") and certificate. */
export function sealKey(ownerId: string, certDer: Uint8Array, privateKeyPkcs8: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encryptPrivateKey(privateKeyPkcs8, parseMasterKey(masterKeyText()), { ownerId, certificateSha256: sha256Hex(certDer) }));
}

/**
 * Decrypts a stored key for exactly this owner and certificate (the fingerprint is computed from the
 * stored certificate, never read from a column an attacker could copy along), then checks it is the
 * certificate's own key. A legacy unbound (v1) key that passes is handed to `rewrap` in the bound format.
 */
export async function openStoredKey(params: {
  ownerId: string;
  /** For the server log only. */
  label: string;
  certDer: Uint8Array;
  encryptedKey: Uint8Array;
  rewrap: (sealed: Uint8Array<ArrayBuffer>) => Promise<unknown>;
}): Promise<Uint8Array> {
  const { ownerId, label, certDer, encryptedKey } = params;
  let privateKeyPkcs8;
  try {
    privateKeyPkcs8 = decryptPrivateKey(encryptedKey, parseMasterKey(masterKeyText()), { ownerId, certificateSha256: sha256Hex(certDer) });
  } catch (error) {
    if (!(error instanceof KeyDecryptionError)) throw error;
    console.error(`Signing key of ${label} does not open:`, error.message);
    throw new SigningKeyUnusableError(error.message);
  }
  const pair = createHash("sha256").update(certDer).update(encryptedKey).digest("base64");
  if (!matchedPairs.has(pair)) {
    if (!keyMatchesCertificate(privateKeyPkcs8, certDer)) {
      console.error(`Signing key of ${label} is not the key of that certificate`);
      throw new SigningKeyUnusableError("The stored key does not match the certificate's public key");
    }
    if (matchedPairs.size >= MAX_MATCHED_PAIRS) matchedPairs.clear();
    matchedPairs.add(pair);
  }
  if (needsRewrap(encryptedKey)) await params.rewrap(sealKey(ownerId, certDer, privateKeyPkcs8));
  return privateKeyPkcs8;
}
