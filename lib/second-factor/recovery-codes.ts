import { createHash, randomInt } from "node:crypto";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const COUNT = 10;

/** Ten one-time codes like "k7m2p-9xq4r" (about 49 bits each), shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: COUNT }, () => `${part()}-${part()}`);
}

/** Typed as people type them: any case, spaces or no dash. */
export const recoveryCodeHash = (code: string) =>
  createHash("sha256").update(code.toLowerCase().replace(/[^a-z0-9]/g, "")).digest("hex");
