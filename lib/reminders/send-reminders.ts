import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema } from "@/lib/forms/text-fields";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import type { ReminderKind } from "@/lib/generated/prisma/enums";
import { reminderMessage } from "./reminder-message";
import { appUrl as defaultAppUrl } from "./app-url";
import { smtpConfigured } from "./deliver-email";
import { queueReminders } from "./queue-reminders";
import { deliverQueuedReminders } from "./deliver-queued-reminders";
import { OPEN_STATUSES } from "@/lib/assignments/assignment-status";
import { campaignClosedRefusal } from "@/lib/campaigns/campaign-open-refusal";

const requestSchema = z.object({
  campaignId: idSchema("campaign"),
  /** Omitted: every unit still to sign. */
  assignmentIds: z.array(idSchema("assignment")).max(20_000).optional(),
});

/**
 * Reminds unit heads who have not signed. At most one reminder per assignment per Việt Nam calendar day:
 * the database's unique (assignment, day) decides, so twenty clicks, two admins or several app instances
 * running the scheduler still send one e-mail. `actor` null = the scheduler. A closed campaign reminds no one.
 */
export async function sendReminders(
  actor: Actor | null,
  input: unknown,
  { kind = "MANUAL" as ReminderKind, context = {} as AuditContext, now = new Date(), appUrl = defaultAppUrl() } = {},
): Promise<FormResult & { sent?: number }> {
  if (kind === "MANUAL" && !hasRole(actor, "CHAIRPERSON", "ADMIN")) return forbidden(actor);
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  // What the clicker reads is in their language; the e-mails (reminderMessage) are always Vietnamese.
  const m = messagesFor(actor).dashboard.reminders;
  const { campaignId, assignmentIds } = parsed.data;
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, select: { name: true, deadline: true, status: true } });
  if (!campaign || campaign.status === "DRAFT") return failure(m.campaignNotFound);
  const closed = campaignClosedRefusal(campaign, messagesFor(actor));
  if (closed) return failure(closed);

  const open = await prisma.assignment.findMany({
    where: { campaignId, status: { in: [...OPEN_STATUSES] }, ...(assignmentIds ? { id: { in: assignmentIds } } : {}) },
    select: { id: true, unitId: true, headName: true, unit: { select: { name: true } }, head: { select: { email: true } } },
  });
  if (open.length === 0) return success(m.nothingToRemind);

  const created = await prisma.$transaction((tx) =>
    queueReminders(
      tx,
      open.map((a) => ({
        assignmentId: a.id,
        unitId: a.unitId,
        campaignId,
        recipientEmail: a.head.email,
        ...reminderMessage({ kind, headName: a.headName, unitName: a.unit.name, campaignName: campaign.name, deadline: campaign.deadline, link: `${appUrl}/cam-ket/${a.id}` }),
      })),
      { kind, sentById: actor?.id ?? null, context, now },
    ),
  );
  await deliverQueuedReminders(created);
  const skipped = open.length - created.length;
  return {
    ...success(
      formatMessage(m.sent, { count: created.length }) +
        (smtpConfigured() ? "" : m.toOutbox) +
        (skipped > 0 ? formatMessage(m.skipped, { count: skipped }) : m.end),
    ),
    sent: created.length,
  };
}
