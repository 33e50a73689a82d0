import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { verifySecondFactor } from "./verify-second-factor";
import { secondFactorRequired } from "./second-factor-policy";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";

/**
 * The person's own changes, each proved with a current code (or a recovery code): turning the factor off —
 * not for a role that requires it — or replacing the recovery codes, the old ones dying in the same statement.
 */
export async function changeSecondFactor(
  actor: Actor,
  change: "disable" | "renewRecoveryCodes",
  code: unknown,
  context: AuditContext = {},
  now = new Date(),
): Promise<FormResult & { recoveryCodes?: string[] }> {
  const m = messagesFor(actor).secondFactor;
  if (change === "disable" && secondFactorRequired(actor.role)) return failure(m.requiredCannotDisable);
  if (typeof code !== "string" || !code.trim()) return failure(m.errors.required, { code: [m.errors.required] });
  const check = await verifySecondFactor(actor.id, code.slice(0, 40), now);
  if (!check.ok) return failure(m.errors[check.error], { code: [m.errors[check.error]] });
  const recoveryCodes = change === "renewRecoveryCodes" ? newRecoveryCodes() : undefined;
  await prisma.$transaction(async (tx) => {
    if (recoveryCodes) await tx.secondFactor.update({ where: { userId: actor.id }, data: { recoveryCodes: recoveryCodes.map(recoveryCodeHash) } });
    else await tx.secondFactor.delete({ where: { userId: actor.id } });
    await recordAuditEvent(tx, { ...context, actorId: actor.id, actorEmail: actor.email, type: "SECOND_FACTOR_CHANGED", data: { change } });
  });
  return recoveryCodes ? { ok: true, message: m.renewed, recoveryCodes } : { ok: true, message: m.disabled };
}
