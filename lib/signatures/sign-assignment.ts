import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { checkPassword } from "@/lib/auth/authenticate-user";
import { SIGNING_RECHECK } from "@/lib/auth/login-throttle";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";
import { messageRef } from "@/lib/i18n/message-ref";
import { signatureImageSchema } from "./signature-image";
import { headSigningRefusal, reviewedSha256Schema } from "./head-signing-refusal";
import { applySignature } from "./apply-signature";
import { loadSigningContext } from "./load-signing-context";
import { signingSecondFactorRefusal } from "@/lib/second-factor/signing-second-factor-refusal";

const PASSWORD_REQUIRED = messageRef("signing.results.signPasswordRequired");

const signInputSchema = z.object({
  assignmentId: idSchema("assignment"),
  reviewedSha256: reviewedSha256Schema,
  password: z.string({ error: PASSWORD_REQUIRED }).min(1, PASSWORD_REQUIRED).max(200),
  signatureImage: signatureImageSchema,
  /** Only when the signer has a second factor on (lib/second-factor/signing-second-factor-refusal). */
  secondFactorCode: z.string().max(40).nullish(),
});

/**
 * The head signs their own unit's commitment — or their deputy, under a delegation valid now, with their own
 * key and name ("KT. …"): checks role, unit, status, the campaign open and its deadline (or the unit
 * reopened), that they are the head named on it or that head's deputy, the reviewed hash and the password, then adds a PAdES signature with the visible stamp in the NGƯỜI CAM KẾT
 * block. The new revision, the status and the audit event are stored together or not at all
 * (lib/signatures/apply-signature).
 */
export async function signAssignment(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "UNIT_HEAD", "DEPUTY")) return forbidden(actor);
  const m = messagesFor(actor);
  const parsed = signInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { assignmentId, reviewedSha256, password, signatureImage, secondFactorCode } = parsed.data;

  // One statement reads the assignment, the certificate and what the password check needs.
  const { assignment, certificate, serverKeyAllowed, secondFactorEnabled, credentials } = await loadSigningContext(actor, assignmentId, SIGNING_RECHECK, { now });
  const refusal = headSigningRefusal(assignment, actor, reviewedSha256, m, now);
  if (refusal || !assignment) return failure(refusal ?? m.signing.results.notFound);
  const auth = await checkPassword(credentials, password, now);
  if (!auth.ok) {
    const message = auth.reason === "locked" ? m.signing.results.accountLocked : m.signing.results.wrongPasswordNothingSigned;
    return failure(message, { password: [message] });
  }
  const secondFactorRefusal = await signingSecondFactorRefusal(actor, secondFactorEnabled, secondFactorCode, now);
  if (secondFactorRefusal) return secondFactorRefusal;

  return applySignature({
    actor,
    assignment,
    key: { certificate, serverKeyAllowed },
    role: "HEAD",
    imagePng: signatureImage,
    context,
    now,
    successMessage: m.signing.results.signed,
  });
}

