import { ensureLocalSecrets } from "@/lib/runtime/local-secrets";

/**
 * The key that encrypts every signing key at rest: CAMKET_MASTER_KEY in production, the one generated
 * into .data/ for the embedded default. Read once per process.
 */
let cached: string | undefined;
export function masterKeyText(): string {
  cached ??= process.env.CAMKET_MASTER_KEY || ensureLocalSecrets().CAMKET_MASTER_KEY;
  return cached;
}
