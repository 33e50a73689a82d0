import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";

const select = {
  id: true,
  kind: true,
  subject: true,
  body: true,
  recipientEmail: true,
  channel: true,
  createdAt: true,
  deliveredAt: true,
  error: true,
  assignmentId: true,
} as const;

/** Reminders addressed to the head's own unit, newest first (shown on their home). */
export function listMyReminders(actor: Actor) {
  if (actor.role !== "UNIT_HEAD" || !actor.unitId) return Promise.resolve([]);
  return prisma.reminder.findMany({ where: { assignment: { unitId: actor.unitId } }, orderBy: { createdAt: "desc" }, take: 20, select });
}

/** The outbox: every reminder, newest first — what went by e-mail and what waits in the app (admins). */
export function listOutbox(take = 200) {
  return prisma.reminder.findMany({ orderBy: { createdAt: "desc" }, take, select });
}
