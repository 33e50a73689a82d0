import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { SIGNING_RECHECK } from "@/lib/auth/login-throttle";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { loadSigningContext } from "./load-signing-context";
import { idSchema } from "@/lib/forms/text-fields";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { signatureImageSchema } from "./signature-image";
import { createSigningGrant, verifySigningGrant } from "./signing-grant";
import { applySignature } from "./apply-signature";

/** The chairperson re-enters their password once; the grant then covers a bulk countersignature for 10 minutes. */
export async function startCountersigning(actor: Actor | null, password: unknown, now = new Date()): Promise<FormResult & { grant?: string }> {
  if (!hasRole(actor, "CHAIRPERSON")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  if (typeof password !== "string" || !password) return failure(m.confirmPasswordRequired, { password: [m.confirmPasswordRequiredField] });
  const auth = await authenticateUser(actor.email, password, now, SIGNING_RECHECK);
  if (!auth.ok) return failure(m.wrongPasswordNothingSigned, { password: [m.wrongPassword] });
  return { ok: true, grant: createSigningGrant(actor.id, now) };
}

const countersignSchema = z.object({
  assignmentId: idSchema("assignment"),
  grant: z.string().min(1).max(500),
  signatureImage: z
    .string()
    .optional()
    .transform((s) => s || undefined)
    .pipe(signatureImageSchema.optional()),
});

/**
 * CHAIRPERSON countersigns a SIGNED assignment in the CHỦ TỊCH UBND THÀNH PHỐ block: a second incremental
 * revision, so the head's signature stays valid; the assignment becomes COMPLETED.
 */
export async function countersignAssignment(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "CHAIRPERSON")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const parsed = countersignSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  if (!verifySigningGrant(parsed.data.grant, actor.id, now)) return failure(m.grantExpired);
  const { assignment, certificate } = await loadSigningContext(actor, parsed.data.assignmentId, SIGNING_RECHECK);
  if (!assignment) return failure(m.notFound);
  const unit = { unit: assignment.unitName };
  if (assignment.status === "COMPLETED") return failure(formatMessage(m.alreadyCountersigned, unit));
  if (assignment.status !== "SIGNED") return failure(formatMessage(m.notSignedYet, unit));
  return applySignature({
    actor,
    assignment,
    certificate,
    role: "CHAIRPERSON",
    imagePng: parsed.data.signatureImage,
    context,
    now,
    successMessage: formatMessage(m.countersigned, unit),
  });
}
