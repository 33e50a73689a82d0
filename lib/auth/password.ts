import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes, OWASP's minimum): slow enough against guessing,
// and it runs on libuv's thread pool, so on deadline day sign-ins use every core instead of queuing on the
// event loop as a JavaScript bcrypt did.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}
