import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Signing keys at rest: AES-256-GCM under the deployment's master key.
 * Format: version (1 byte) || IV (12) || tag (16) || ciphertext.
 *  - v1 (legacy): only the version byte is additional authenticated data, so a v1 ciphertext copied into
 *    another user's row still decrypts. Still opened, so existing databases keep signing; the caller
 *    re-wraps it as v2 (see needsRewrap) after checking the key against its certificate.
 *  - v2: the AAD also binds the owner and the SHA-256 of the certificate the key belongs to, so a
 *    ciphertext moved to any other row (another user, another certificate) fails authentication.
 */

const LEGACY_VERSION = 1;
const VERSION = 2;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;

/** What a stored key belongs to: the owner (a user id, or "city-ca") and the certificate's SHA-256 (hex). */
export interface KeyBinding {
  ownerId: string;
  certificateSha256: string;
}

export class KeyDecryptionError extends Error {
  override name = "KeyDecryptionError";
}

export class MasterKeyFormatError extends Error {
  override name = "MasterKeyFormatError";
}

export function encryptPrivateKey(pkcs8: Uint8Array, masterKey: Uint8Array, binding: KeyBinding): Uint8Array {
  assertMasterKey(masterKey);
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(additionalData(VERSION, binding));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return new Uint8Array(Buffer.concat([Uint8Array.of(VERSION), iv, cipher.getAuthTag(), ciphertext]));
}

/** Opens a v2 key only for the binding it was sealed with; a legacy v1 key opens for any binding. */
export function decryptPrivateKey(encrypted: Uint8Array, masterKey: Uint8Array, binding: KeyBinding): Uint8Array {
  assertMasterKey(masterKey);
  if (encrypted.length <= HEADER_LENGTH) throw new KeyDecryptionError("Encrypted key is truncated");
  const version = encrypted[0]!;
  if (version !== VERSION && version !== LEGACY_VERSION) throw new KeyDecryptionError(`Unknown encrypted key version ${version}`);
  const iv = encrypted.subarray(1, 1 + IV_LENGTH);
  const tag = encrypted.subarray(1 + IV_LENGTH, HEADER_LENGTH);
  const decipher = createDecipheriv("aes-256-gcm", masterKey, iv, { authTagLength: TAG_LENGTH });
  decipher.setAAD(additionalData(version, binding));
  decipher.setAuthTag(tag);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(encrypted.subarray(HEADER_LENGTH)), decipher.final()]));
  } catch {
    throw new KeyDecryptionError(
      `Encrypted key (v${version}) failed authentication for owner ${binding.ownerId}: wrong master key, tampered data, or a key moved from another row`,
    );
  }
}

/** True for a legacy (v1) ciphertext that is not bound to its owner and should be re-encrypted. */
export function needsRewrap(encrypted: Uint8Array): boolean {
  return encrypted[0] === LEGACY_VERSION;
}

function additionalData(version: number, binding: KeyBinding): Uint8Array {
  if (version === LEGACY_VERSION) return Uint8Array.of(version);
  // NUL-separated: neither a UUID nor a hex fingerprint can contain NUL, so no two bindings collide.
  return Buffer.concat([Uint8Array.of(version), Buffer.from(`camket-signing-key\0${binding.ownerId}\0${binding.certificateSha256.toLowerCase()}`)]);
}

/** Accepts 64 hex digits or base64/base64url of exactly 32 bytes (e.g. `openssl rand -base64 32`). */
export function parseMasterKey(text: string): Uint8Array {
  const trimmed = text.trim();
  let bytes: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) bytes = Buffer.from(trimmed, "hex");
  else if (/^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/.test(trimmed)) bytes = Buffer.from(trimmed, "base64");
  if (!bytes || bytes.length !== 32) {
    throw new MasterKeyFormatError(
      "The master key must be 32 random bytes written as 64 hex digits or base64 (generate one with `openssl rand -base64 32`)" +
        (bytes ? `; this one decodes to ${bytes.length} bytes` : ""),
    );
  }
  return new Uint8Array(bytes);
}

function assertMasterKey(masterKey: Uint8Array): void {
  if (masterKey.length !== 32) throw new MasterKeyFormatError("The master key must be exactly 32 bytes");
}
