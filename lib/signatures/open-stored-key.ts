import { sha256Hex } from "@/lib/storage/file-store";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError, needsRewrap, parseMasterKey } from "@/lib/signing/key-encryption";
import { keyMatchesCertificate } from "@/lib/signing/key-matches-certificate";
import { masterKeyText } from "./master-key";

/** The stored key does not open for its owner and certificate, or is not the certificate's key; apply-signature words it. */
export class SigningKeyUnusableError extends Error {
  override name = "SigningKeyUnusableError";
}

/**
 * Encrypts a freshly issued key bound to its owner (a user id, or "city-ca") and certificate, once it is
 * checked to be that certificate's key: the authenticated binding then vouches for the match at every
 * later opening.
 */
export function sealKey(ownerId: string, certDer: Uint8Array, privateKeyPkcs8: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!keyMatchesCertificate(privateKeyPkcs8, certDer)) throw new Error("Refusing to seal a key that is not the certificate's own");
  return new Uint8Array(encryptPrivateKey(privateKeyPkcs8, parseMasterKey(masterKeyText()), { ownerId, certificateSha256: sha256Hex(certDer) }));
}

/**
 * Decrypts a stored key for exactly this owner and certificate (the fingerprint is computed from the
 * stored certificate, never read from a column an attacker could copy along). A legacy unbound (v1) key is
 * also checked to be the certificate's own key, and handed to `rewrap` in the bound format.
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
  // A bound key was checked against its certificate when sealed, and AES-GCM authenticates that binding;
  // parsing both to compare public keys cost ~2 ms of every head's first signature on deadline day. An
  // unbound legacy key carries no such proof, so it is compared here (and sealed bound if it matches).
  if (needsRewrap(encryptedKey) && !keyMatchesCertificate(privateKeyPkcs8, certDer)) {
    console.error(`Signing key of ${label} is not the key of that certificate`);
    throw new SigningKeyUnusableError("The stored key does not match the certificate's public key");
  }
  if (needsRewrap(encryptedKey)) await params.rewrap(sealKey(ownerId, certDer, privateKeyPkcs8));
  return privateKeyPkcs8;
}
