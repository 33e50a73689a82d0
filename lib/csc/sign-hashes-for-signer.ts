import "server-only";
import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { SIGNER_ROLES } from "@/lib/signer-certificates/external-certificate-input";
import { withCscRefusal } from "./csc-refusal";
import { cscCredentialIdSchema } from "./send-csc-otp-for-signer";
import { signWithMyCscCredential } from "./sign-with-my-csc-credential";

const signSchema = z.object({
  credentialId: cscCredentialIdSchema,
  /** SHA-256 of each document's signed attributes, base64 (what prepare returned). */
  hashes: z.array(z.base64().length(44)).min(1).max(200),
  pin: z.string().max(64).optional(),
  otp: z.string().max(16).optional(),
});

/**
 * Signs prepared hashes with the signer's remote credential under one authorization. Their PIN/OTP go to the
 * provider and nowhere else (not stored, not logged); what comes back is checked at finalize like any
 * external signature.
 */
export async function signHashesForSigner(actor: Actor | null, input: unknown): Promise<FormResult & { signatures?: string[] }> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  const parsed = signSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { credentialId, hashes, pin, otp } = parsed.data;
  return withCscRefusal(actor, async () => {
    const signatures = await signWithMyCscCredential(actor, { credentialId, hashes: hashes.map((h) => new Uint8Array(Buffer.from(h, "base64"))), pin: pin || undefined, otp: otp || undefined });
    return { ok: true, signatures: signatures.map((s) => Buffer.from(s).toString("base64")) };
  });
}
