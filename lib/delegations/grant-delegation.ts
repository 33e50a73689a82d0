import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { MAX_DELEGATION_DAYS, grantDelegationSchema } from "./delegation-schemas";

const DAY_MS = 86_400_000;

/**
 * ADMIN grants a delegation: a DEPUTY may sign for a unit head (the deputy of that head's own unit) or for the
 * city chairperson, from the first day's start to the last day's end in Vietnam time (at most a year, ending
 * in the future). Each wrong choice says which and changes nothing; the grant is audited (ADMIN_CHANGE).
 */
export async function grantDelegation(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).delegation.results;
  const parsed = grantDelegationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { principalId, deputyId, kind, validFrom, validUntil, reason } = parsed.data;
  if (validUntil < validFrom) return failure(m.untilBeforeFrom, { validUntil: [m.untilBeforeFrom] });
  // validUntil is 23:59:59.999 of the last day: the period counts whole days.
  if (Math.round((validUntil.getTime() + 1 - validFrom.getTime()) / DAY_MS) > MAX_DELEGATION_DAYS) {
    const tooLong = formatMessage(m.tooLong, { days: MAX_DELEGATION_DAYS });
    return failure(tooLong, { validUntil: [tooLong] });
  }
  if (validUntil <= now) return failure(m.alreadyEnded, { validUntil: [m.alreadyEnded] });

  const users = await prisma.user.findMany({ where: { id: { in: [principalId, deputyId] }, active: true }, select: { id: true, role: true, unitId: true, fullName: true } });
  const principal = users.find((u) => u.id === principalId && (u.role === "UNIT_HEAD" || u.role === "CHAIRPERSON"));
  const deputy = users.find((u) => u.id === deputyId && u.role === "DEPUTY");
  if (!principal) return failure(m.principalInvalid, { principalId: [m.principalInvalid] });
  if (!deputy) return failure(m.deputyInvalid, { deputyId: [m.deputyInvalid] });
  if (principal.role === "UNIT_HEAD" && (!principal.unitId || principal.unitId !== deputy.unitId)) return failure(m.deputyOtherUnit, { deputyId: [m.deputyOtherUnit] });

  return prisma.$transaction(async (tx) => {
    const created = await tx.delegation.create({ data: { principalId, deputyId, kind, validFrom, validUntil, reason, createdById: actor.id }, select: { id: true } });
    await recordAuditEvent(tx, {
      ...context,
      type: "ADMIN_CHANGE",
      at: now,
      data: { action: "grant-delegation", delegationId: created.id, principalId, deputyId, kind, validFrom: validFrom.toISOString(), validUntil: validUntil.toISOString(), reason },
    });
    return { ...success(formatMessage(m.granted, { deputy: deputy.fullName, principal: principal.fullName })), id: created.id };
  });
}
