import "server-only";
import type { Actor } from "@/lib/auth/find-active-user";
import { withAccessToken } from "./csc-account";
import { openCscAccount } from "./csc-account-store";
import { cscConfigFromEnv, type CscConfig } from "./csc-config";
import { sendOtp } from "./send-otp";
import { signHashesWithCsc } from "./sign-hashes-with-csc";

/**
 * The signed-in person's side of remote signing, for server actions and route handlers: ask the provider
 * to send them an OTP, then sign a batch of SHA-256 hashes (prepare's `sha256` per document) under one
 * PIN/OTP. Both throw CscError, whose message is safe to show (error.messageFor(locale)).
 */
export async function sendMyCscOtp(actor: Pick<Actor, "id">, credentialId: string, config: CscConfig | null = cscConfigFromEnv()): Promise<void> {
  const account = await openCscAccount(actor.id, config);
  await withAccessToken(account, (token) => sendOtp(account.config, token, credentialId));
}

export async function signWithMyCscCredential(
  actor: Pick<Actor, "id">,
  input: { credentialId: string; hashes: Uint8Array[]; pin?: string; otp?: string; description?: string },
  config: CscConfig | null = cscConfigFromEnv(),
): Promise<Uint8Array[]> {
  const account = await openCscAccount(actor.id, config);
  return signHashesWithCsc({ account, ...input });
}
