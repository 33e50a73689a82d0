import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { OPEN_STATUSES } from "@/lib/assignments/assignment-status";
import { idSchema } from "@/lib/forms/text-fields";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { messageRef } from "@/lib/i18n/message-ref";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { campaignClosedRefusal } from "./campaign-open-refusal";

/** The longest window the chairperson may reopen at once, and the one the form proposes. */
export const MAX_REOPEN_DAYS = 30;
export const DEFAULT_REOPEN_DAYS = 3;

const reopenSchema = z.object({
  assignmentId: idSchema("assignment"),
  reason: z
    .string({ error: messageRef("closing.reopen.reasonRequired") })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, messageRef("closing.reopen.reasonRequired")).min(10, messageRef("closing.reopen.reasonTooShort")).max(1000)),
  days: z.coerce
    .number({ error: messageRef("closing.reopen.daysInvalid", { max: MAX_REOPEN_DAYS }) })
    .int(messageRef("closing.reopen.daysInvalid", { max: MAX_REOPEN_DAYS }))
    .min(1, messageRef("closing.reopen.daysInvalid", { max: MAX_REOPEN_DAYS }))
    .max(MAX_REOPEN_DAYS, messageRef("closing.reopen.daysInvalid", { max: MAX_REOPEN_DAYS })),
});

/**
 * CHAIRPERSON reopens one unit's unsigned assignment after the campaign's deadline: its head (or their
 * deputy) may sign or decline until now + `days`, with the reason kept on the assignment and audited
 * (UNIT_REOPENED). Not before the deadline, not once signed or declined, never in a closed campaign.
 */
export async function reopenAssignment(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "CHAIRPERSON")) return forbidden(actor);
  const messages = messagesFor(actor);
  const m = messages.closing.reopen;
  const parsed = reopenSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { assignmentId, reason, days } = parsed.data;
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, status: true, unitId: true, campaignId: true, unit: { select: { name: true } }, campaign: { select: { status: true, deadline: true } } },
  });
  if (!assignment) return failure(messages.signing.results.notFound);
  const closed = campaignClosedRefusal(assignment.campaign, messages);
  if (closed) return failure(closed);
  if (!(OPEN_STATUSES as readonly string[]).includes(assignment.status)) return failure(m.notOpen);
  if (now <= assignment.campaign.deadline) return failure(m.notPastDeadline);

  const reopenedUntil = new Date(now.getTime() + days * 86_400_000);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.assignment.updateMany({
      where: { id: assignment.id, status: { in: [...OPEN_STATUSES] }, campaign: { status: { not: "CLOSED" } } },
      data: { reopenedUntil, reopenReason: reason },
    });
    if (updated.count === 0) return failure(m.notOpen);
    await recordAuditEvent(tx, {
      ...context,
      type: "UNIT_REOPENED",
      at: now,
      unitId: assignment.unitId,
      campaignId: assignment.campaignId,
      assignmentId: assignment.id,
      data: { reason, days, reopenedUntil: reopenedUntil.toISOString() },
    });
    return success(formatMessage(m.reopened, { unit: assignment.unit.name, until: formatDateTime(reopenedUntil) }));
  });
}
