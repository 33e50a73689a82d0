import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReminderKind } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { smtpConfigured } from "./deliver-email";

/** One message to a unit head about one assignment. */
export type ReminderDraft = { assignmentId: string; unitId: string; campaignId: string; recipientEmail: string; subject: string; body: string };

/**
 * Stores the messages (each with its REMINDER_SENT audit event) inside the caller's transaction, so they
 * exist exactly when the change they announce does. The unique (assignment, Việt Nam day) drops a second
 * message for the same assignment on the same day. E-mail goes out after the commit
 * (deliverQueuedReminders); without SMTP_URL the messages wait in the in-app outbox.
 */
export async function queueReminders(
  tx: Prisma.TransactionClient,
  drafts: ReminderDraft[],
  { kind, sentById, context, now }: { kind: ReminderKind; sentById: string | null; context: AuditContext; now: Date },
) {
  if (drafts.length === 0) return [];
  const channel = smtpConfigured() ? "SMTP" : "OUTBOX";
  const rows = await tx.reminder.createManyAndReturn({
    data: drafts.map((d) => ({
      assignmentId: d.assignmentId,
      kind,
      day: vietnamToday(now),
      recipientEmail: d.recipientEmail,
      subject: d.subject,
      body: d.body,
      channel,
      sentById,
    })),
    skipDuplicates: true,
  });
  for (const row of rows) {
    const draft = drafts.find((d) => d.assignmentId === row.assignmentId)!;
    await recordAuditEvent(tx, {
      ...context,
      type: "REMINDER_SENT",
      at: now,
      unitId: draft.unitId,
      campaignId: draft.campaignId,
      assignmentId: row.assignmentId,
      data: { kind, channel, to: row.recipientEmail },
    });
  }
  return rows;
}

export type QueuedReminder = Awaited<ReturnType<typeof queueReminders>>[number];
