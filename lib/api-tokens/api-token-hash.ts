import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "camket_";

/** A new token: 32 random bytes, base64url, with a recognisable prefix (secret scanners, people). */
export const generateApiToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

/** Only this is stored: a leaked database does not leak usable tokens. */
export const apiTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
