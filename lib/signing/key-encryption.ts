import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Signing keys at rest: AES-256-GCM under the deployment's master key.
 * Format: version (1 byte) || IV (12) || tag (16) || ciphertext. The version byte is also bound as
 * additional authenticated data, so it cannot be swapped without detection.
 */

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;

export class KeyDecryptionError extends Error {
  override name = "KeyDecryptionError";
}

export class MasterKeyFormatError extends Error {
  override name = "MasterKeyFormatError";
}

export function encryptPrivateKey(pkcs8: Uint8Array, masterKey: Uint8Array): Uint8Array {
  assertMasterKey(masterKey);
  const version = Uint8Array.of(VERSION);
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(version);
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return new Uint8Array(Buffer.concat([version, iv, cipher.getAuthTag(), ciphertext]));
}

export function decryptPrivateKey(encrypted: Uint8Array, masterKey: Uint8Array): Uint8Array {
  assertMasterKey(masterKey);
  if (encrypted.length <= HEADER_LENGTH) throw new KeyDecryptionError("Encrypted key is truncated");
  if (encrypted[0] !== VERSION) throw new KeyDecryptionError(`Unknown encrypted key version ${encrypted[0]}`);
  const iv = encrypted.subarray(1, 1 + IV_LENGTH);
  const tag = encrypted.subarray(1 + IV_LENGTH, HEADER_LENGTH);
  const decipher = createDecipheriv("aes-256-gcm", masterKey, iv, { authTagLength: TAG_LENGTH });
  decipher.setAAD(encrypted.subarray(0, 1));
  decipher.setAuthTag(tag);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(encrypted.subarray(HEADER_LENGTH)), decipher.final()]));
  } catch {
    throw new KeyDecryptionError("Encrypted key failed authentication (wrong master key or tampered data)");
  }
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
