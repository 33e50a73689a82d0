import { openSealedSecret, sealSecret } from "@/lib/security/sealed-secret";

/** Provider tokens at rest, sealed to their owner and kind: the refresh token swapped for the access token fails. */
export type CscTokenKind = "access" | "refresh";

const context = (userId: string, kind: CscTokenKind) => `camket-csc-token\0${userId}\0${kind}`;

export const encryptCscToken = (token: string, masterKey: Uint8Array, userId: string, kind: CscTokenKind) => sealSecret(token, masterKey, context(userId, kind));

export const decryptCscToken = (encrypted: Uint8Array, masterKey: Uint8Array, userId: string, kind: CscTokenKind) =>
  openSealedSecret(encrypted, masterKey, context(userId, kind));
