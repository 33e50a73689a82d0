import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KeyDecryptionError, parseMasterKey } from "@/lib/signing/key-encryption";
import { masterKeyText } from "@/lib/signatures/master-key";

/**
 * Webhook signing secrets at rest, as signing keys are (lib/signing/key-encryption): AES-256-GCM under the
 * master key, version || IV || tag || ciphertext, with the endpoint id in the additional data so a secret
 * copied into another endpoint's row does not open. The plain secret is shown to the admin once, never stored.
 */
const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;

const aad = (endpointId: string) => Buffer.concat([Uint8Array.of(VERSION), Buffer.from(`camket-webhook-secret\0${endpointId}`)]);

/** `whsec_` + 32 random bytes, base64url: the prefix tells a leaked string for what it is. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

export function encryptWebhookSecret(secret: string, endpointId: string): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", parseMasterKey(masterKeyText()), iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad(endpointId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Uint8Array.of(VERSION), iv, cipher.getAuthTag(), ciphertext]));
}

export function decryptWebhookSecret(encrypted: Uint8Array, endpointId: string): string {
  if (encrypted.length <= HEADER_LENGTH || encrypted[0] !== VERSION) throw new KeyDecryptionError("Encrypted webhook secret is truncated or of an unknown version");
  const decipher = createDecipheriv("aes-256-gcm", parseMasterKey(masterKeyText()), encrypted.subarray(1, 1 + IV_LENGTH), { authTagLength: TAG_LENGTH });
  decipher.setAAD(aad(endpointId));
  decipher.setAuthTag(encrypted.subarray(1 + IV_LENGTH, HEADER_LENGTH));
  try {
    return Buffer.concat([decipher.update(encrypted.subarray(HEADER_LENGTH)), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyDecryptionError(`Encrypted webhook secret failed authentication for endpoint ${endpointId}`);
  }
}
