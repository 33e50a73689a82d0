import { prisma } from "@/lib/db/client";
import { sendReminders } from "./send-reminders";

const DAY_MS = 86_400_000;

/**
 * The automatic reminders of every launched campaign: N days before the deadline, then daily once overdue
 * (per-campaign settings). Safe to run from every app instance at any rate: sendReminders' unique
 * (assignment, day) lets one reminder per unit per day through, whoever inserts it first.
 */
export async function runScheduledReminders(now = new Date()): Promise<number> {
  const campaigns = await prisma.campaign.findMany({
    where: { status: "LAUNCHED" },
    select: { id: true, deadline: true, remindDaysBefore: true, remindWhenOverdue: true },
  });
  let sent = 0;
  for (const campaign of campaigns) {
    const overdue = campaign.deadline < now;
    const dueSoon = !overdue && campaign.remindDaysBefore > 0 && campaign.deadline.getTime() - campaign.remindDaysBefore * DAY_MS <= now.getTime();
    if (!(overdue ? campaign.remindWhenOverdue : dueSoon)) continue;
    const result = await sendReminders(null, { campaignId: campaign.id }, { kind: overdue ? "OVERDUE" : "BEFORE_DEADLINE", now, context: { actorEmail: "he-thong" } });
    sent += result.sent ?? 0;
  }
  return sent;
}
