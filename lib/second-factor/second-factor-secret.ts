import { parseMasterKey } from "@/lib/signing/key-encryption";
import { masterKeyText } from "@/lib/signatures/master-key";
import { openSealedSecret, sealSecret } from "@/lib/security/sealed-secret";

/** A person's TOTP key at rest: sealed to them under the master key, so a copied row opens for no one else. */
const context = (userId: string) => `camket-totp-secret\0${userId}`;

export const sealTotpSecret = (userId: string, secretBase32: string) => sealSecret(secretBase32, parseMasterKey(masterKeyText()), context(userId));

export const openTotpSecret = (userId: string, sealed: Uint8Array) => openSealedSecret(sealed, parseMasterKey(masterKeyText()), context(userId));
