import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { SIGNING_RECHECK } from "@/lib/auth/login-throttle";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";
import { createSigningGrant } from "./signing-grant";
import { findValidDelegation } from "@/lib/delegations/find-valid-delegation";
import { countersignAssignments } from "./countersign-assignments";
import { signingSecondFactorRefusal } from "@/lib/second-factor/signing-second-factor-refusal";
import { hasSecondFactor } from "@/lib/second-factor/get-second-factor-status";

/**
 * The chairperson (or the deputy they delegated countersigning to, while that holds) re-enters their password
 * once; the grant then covers a bulk countersignature for 10 minutes.
 */
export async function startCountersigning(actor: Actor | null, password: unknown, secondFactorCode?: unknown, now = new Date()): Promise<FormResult & { grant?: string }> {
  if (!hasRole(actor, "CHAIRPERSON", "DEPUTY")) return forbidden(actor);
  if (actor.role === "DEPUTY" && !(await findValidDelegation(actor, "CHAIRPERSON", now))) return failure(messagesFor(actor).delegation.refusals.none);
  const m = messagesFor(actor).signing.results;
  if (typeof password !== "string" || !password) return failure(m.confirmPasswordRequired, { password: [m.confirmPasswordRequiredField] });
  const auth = await authenticateUser(actor.email, password, now, SIGNING_RECHECK);
  if (!auth.ok) return failure(m.wrongPasswordNothingSigned, { password: [m.wrongPassword] });
  const secondFactorRefusal = await signingSecondFactorRefusal(actor, await hasSecondFactor(actor.id), secondFactorCode, now);
  if (secondFactorRefusal) return secondFactorRefusal;
  return { ok: true, grant: createSigningGrant(actor.id, now) };
}

const countersignSchema = z.object({
  assignmentId: idSchema("assignment"),
  grant: z.string(),
  signatureImage: z.string().optional(),
});

/**
 * CHAIRPERSON (or their deputy under a delegation) countersigns a SIGNED assignment in the CHỦ TỊCH UBND THÀNH PHỐ block: a second incremental
 * revision, so the head's signature stays valid; the assignment becomes COMPLETED. A chunk of one for
 * lib/signatures/countersign-assignments, so one and many follow the same path.
 */
export async function countersignAssignment(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "CHAIRPERSON", "DEPUTY")) return forbidden(actor);
  const parsed = countersignSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { assignmentId, ...rest } = parsed.data;
  const result = await countersignAssignments(actor, { assignmentIds: [assignmentId], ...rest }, context, now);
  const [outcome] = result.outcomes ?? [];
  return outcome ? { ok: outcome.ok, message: outcome.message } : result;
}
