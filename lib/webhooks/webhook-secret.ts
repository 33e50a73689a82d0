import { randomBytes } from "node:crypto";
import { parseMasterKey } from "@/lib/signing/key-encryption";
import { masterKeyText } from "@/lib/signatures/master-key";
import { openSealedSecret, sealSecret } from "@/lib/security/sealed-secret";

/**
 * Webhook signing secrets at rest: sealed under the master key (lib/security/sealed-secret) with the endpoint id
 * in the additional data, so a secret copied into another endpoint's row does not open. The plain secret is
 * shown to the admin once, never stored.
 */
const context = (endpointId: string) => `camket-webhook-secret\0${endpointId}`;

/** `whsec_` + 32 random bytes, base64url: the prefix tells a leaked string for what it is. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

export const encryptWebhookSecret = (secret: string, endpointId: string) => sealSecret(secret, parseMasterKey(masterKeyText()), context(endpointId));

export const decryptWebhookSecret = (encrypted: Uint8Array, endpointId: string) => openSealedSecret(encrypted, parseMasterKey(masterKeyText()), context(endpointId));
