import { prisma } from "@/lib/db/client";
import { deliverEmail } from "./deliver-email";
import type { QueuedReminder } from "./queue-reminders";

/** Sends the SMTP-channel messages just committed; each outcome (sent, or the error) is kept on its row. */
export async function deliverQueuedReminders(rows: QueuedReminder[]): Promise<void> {
  for (const row of rows) {
    if (row.channel !== "SMTP") continue;
    try {
      await deliverEmail({ to: row.recipientEmail, subject: row.subject, text: row.body });
      await prisma.reminder.update({ where: { id: row.id }, data: { deliveredAt: new Date() } });
    } catch (error) {
      await prisma.reminder.update({ where: { id: row.id }, data: { error: String(error).slice(0, 500) } });
    }
  }
}
