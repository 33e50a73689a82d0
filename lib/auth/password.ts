import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes, OWASP's minimum): slow enough against guessing.
// It runs on libuv's thread pool, but unbounded it took every core on deadline day (200 heads at once) and
// starved the event loop that serves the signatures themselves. So at most cores − 1 hashes run at a time
// (at least one): the last core stays with the event loop, the rest of the requests queue here.
const MAX_CONCURRENT = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, so `running` never drops and lets a newcomer jump the queue.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password));
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await limited(() => verify(passwordHash, password));
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}
