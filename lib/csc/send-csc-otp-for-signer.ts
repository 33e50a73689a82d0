import "server-only";
import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { SIGNER_ROLES } from "@/lib/signer-certificates/external-certificate-input";
import { withCscRefusal } from "./csc-refusal";
import { sendMyCscOtp } from "./sign-with-my-csc-credential";

export const cscCredentialIdSchema = z.string().trim().min(1).max(200);

/** Asks the provider to send the signer the OTP for this credential (SMS / app). */
export async function sendCscOtpForSigner(actor: Actor | null, credentialId: unknown): Promise<FormResult> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  const parsed = cscCredentialIdSchema.safeParse(credentialId);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  return withCscRefusal(actor, async () => {
    await sendMyCscOtp(actor, parsed.data);
    return { ok: true };
  });
}
