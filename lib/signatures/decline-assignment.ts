import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { OPEN_STATUSES } from "@/lib/assignments/assignment-status";
import { requiredText } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";
import { messageRef } from "@/lib/i18n/message-ref";
import { namedHeadRefusal } from "@/lib/assignments/named-head-refusal";
import { signingWindowRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { statusRefusal } from "./status-refusal";

const declineSchema = z.object({
  reason: requiredText("declineReason", 1000).pipe(z.string().min(10, messageRef("signing.results.declineReasonTooShort"))),
});

/**
 * The head declines to sign, with a reason the chairperson and admin will read (UNIT_HEAD, own unit), while
 * they could still sign: the campaign open and within its deadline or the unit's reopened window. Declining
 * stays the named head's own decision; a deputy's delegation covers signing only.
 */
export async function declineAssignment(
  actor: Actor | null,
  assignmentId: string,
  input: unknown,
  context: AuditContext = {},
  now = new Date(),
): Promise<FormResult> {
  if (!hasRole(actor, "UNIT_HEAD")) return forbidden(actor);
  const m = messagesFor(actor);
  const assignment = await getAssignmentForActor(actor, assignmentId);
  if (!assignment) return failure(m.signing.results.notFound);
  const parsed = declineSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { status, deadline } = assignment.campaign;
  const refusal = statusRefusal(assignment.status, m) ?? signingWindowRefusal({ campaignStatus: status, deadline, reopenedUntil: assignment.reopenedUntil }, now, m);
  if (refusal) return failure(refusal);
  const notNamed = namedHeadRefusal(assignment, actor, m, now);
  if (notNamed) return failure(notNamed);

  return prisma.$transaction(async (tx) => {
    const updated = await tx.assignment.updateMany({
      where: { id: assignment.id, status: { in: [...OPEN_STATUSES] }, campaign: { status: { not: "CLOSED" } } },
      data: { status: "DECLINED", declinedAt: now, declineReason: parsed.data.reason },
    });
    if (updated.count === 0) return failure(m.signing.results.handledInAnotherSession);
    await recordAuditEvent(tx, {
      ...context,
      type: "ASSIGNMENT_DECLINED",
      at: now,
      unitId: assignment.unitId,
      campaignId: assignment.campaignId,
      assignmentId: assignment.id,
      data: { reason: parsed.data.reason },
    });
    return success(m.signing.results.declined);
  });
}
