import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KeyDecryptionError } from "@/lib/signing/key-encryption";

/**
 * Provider tokens at rest, as signing keys are (lib/signing/key-encryption): AES-256-GCM under the master
 * key, version || IV || tag || ciphertext, with the owner and which token it is in the additional data —
 * a ciphertext copied into another person's row, or the refresh token swapped for the access token, fails.
 */
const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;

export type CscTokenKind = "access" | "refresh";

const aad = (userId: string, kind: CscTokenKind) => Buffer.concat([Uint8Array.of(VERSION), Buffer.from(`camket-csc-token\0${userId}\0${kind}`)]);

export function encryptCscToken(token: string, masterKey: Uint8Array, userId: string, kind: CscTokenKind): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad(userId, kind));
  const ciphertext = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Uint8Array.of(VERSION), iv, cipher.getAuthTag(), ciphertext]));
}

export function decryptCscToken(encrypted: Uint8Array, masterKey: Uint8Array, userId: string, kind: CscTokenKind): string {
  if (encrypted.length <= HEADER_LENGTH || encrypted[0] !== VERSION) throw new KeyDecryptionError("Encrypted CSC token is truncated or of an unknown version");
  const decipher = createDecipheriv("aes-256-gcm", masterKey, encrypted.subarray(1, 1 + IV_LENGTH), { authTagLength: TAG_LENGTH });
  decipher.setAAD(aad(userId, kind));
  decipher.setAuthTag(encrypted.subarray(1 + IV_LENGTH, HEADER_LENGTH));
  try {
    return Buffer.concat([decipher.update(encrypted.subarray(HEADER_LENGTH)), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyDecryptionError(`Encrypted CSC ${kind} token failed authentication for user ${userId}: wrong master key, tampered data, or moved from another row`);
  }
}
