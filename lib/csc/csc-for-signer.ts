import "server-only";
import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { SIGNER_ROLES } from "@/lib/signer-certificates/external-certificate-input";
import { withAccessToken } from "./csc-account";
import { openCscAccount } from "./csc-account-store";
import { CscError } from "./csc-error";
import { listMyCscCredentials, type MyCscCredential } from "./list-my-csc-credentials";
import { sendOtp } from "./send-otp";
import { signHashesWithCsc } from "./sign-hashes-with-csc";

/**
 * The remote-signing operations a signing screen calls, with the role check and the provider's failures
 * turned into the person's words (CscError.messageFor); anything else is thrown for runAction to report.
 */
async function answer<T extends FormResult>(actor: Actor, work: () => Promise<T>): Promise<T | FormResult> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CscError)) throw error;
    console.warn(`[camket] remote signing: ${error.code}${error.detail ? ` (${error.detail})` : ""}`);
    return failure(error.messageFor(actor.locale));
  }
}

export type CscCredentialsResult = FormResult & { linked?: boolean; credentials?: MyCscCredential[] };

/** The signer's credentials at the provider; `linked: false` when their account is not linked (yet, or any more). */
export async function listCscCredentialsForSigner(actor: Actor | null): Promise<CscCredentialsResult> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  try {
    return { ok: true, linked: true, credentials: await listMyCscCredentials(actor) };
  } catch (error) {
    if (error instanceof CscError && (error.code === "not-linked" || error.code === "link-expired")) return { ok: false, linked: false, message: error.messageFor(actor.locale) };
    return answer(actor, () => Promise.reject(error));
  }
}

const credentialSchema = z.string().trim().min(1).max(200);
const signSchema = z.object({
  credentialId: credentialSchema,
  /** SHA-256 of each document's signed attributes, base64 (what prepare returned). */
  hashes: z.array(z.base64().length(44)).min(1).max(200),
  pin: z.string().max(64).optional(),
  otp: z.string().max(16).optional(),
});

/** Asks the provider to send the OTP for this credential (SMS / app). */
export async function sendCscOtpForSigner(actor: Actor | null, credentialId: unknown): Promise<FormResult> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  const parsed = credentialSchema.safeParse(credentialId);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  return answer(actor, async () => {
    const account = await openCscAccount(actor.id);
    await withAccessToken(account, (token) => sendOtp(account.config, token, parsed.data));
    return { ok: true };
  });
}

/**
 * Signs the prepared hashes with the signer's credential under one authorization (their PIN/OTP go to the
 * provider and nowhere else: not stored, not logged). What comes back is checked at finalize like any
 * external signature.
 */
export async function signHashesForSigner(actor: Actor | null, input: unknown): Promise<FormResult & { signatures?: string[] }> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  const parsed = signSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { credentialId, hashes, pin, otp } = parsed.data;
  return answer(actor, async () => {
    const account = await openCscAccount(actor.id);
    const signatures = await signHashesWithCsc({ account, credentialId, hashes: hashes.map((h) => new Uint8Array(Buffer.from(h, "base64"))), pin: pin || undefined, otp: otp || undefined });
    return { ok: true, signatures: signatures.map((s) => Buffer.from(s).toString("base64")) };
  });
}
