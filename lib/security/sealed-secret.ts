import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KeyDecryptionError } from "@/lib/signing/key-encryption";

/**
 * A short secret at rest (a provider's token, a TOTP key, a webhook's signing secret), as signing keys are
 * (lib/signing/key-encryption): AES-256-GCM under the master key, version || IV || tag || ciphertext. The
 * `context` — what the secret is and whose — is additional data: a ciphertext copied into another row, or
 * one kind of secret swapped for another, fails authentication.
 */
const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;

const aad = (context: string) => Buffer.concat([Uint8Array.of(VERSION), Buffer.from(context)]);

export function sealSecret(secret: string, masterKey: Uint8Array, context: string): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Uint8Array.of(VERSION), iv, cipher.getAuthTag(), ciphertext]));
}

export function openSealedSecret(sealed: Uint8Array, masterKey: Uint8Array, context: string): string {
  const what = context.split("\0")[0];
  if (sealed.length <= HEADER_LENGTH || sealed[0] !== VERSION) throw new KeyDecryptionError(`Sealed ${what} is truncated or of an unknown version`);
  const decipher = createDecipheriv("aes-256-gcm", masterKey, sealed.subarray(1, 1 + IV_LENGTH), { authTagLength: TAG_LENGTH });
  decipher.setAAD(aad(context));
  decipher.setAuthTag(sealed.subarray(1 + IV_LENGTH, HEADER_LENGTH));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_LENGTH)), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyDecryptionError(`Sealed ${what} failed authentication: wrong master key, tampered data, or moved from another row`);
  }
}
