import { prisma } from "@/lib/db/client";
import { unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { reissueForHeadIfActive } from "@/lib/assignments/reissue-for-new-head";
import { deliverQueuedReminders } from "@/lib/reminders/deliver-queued-reminders";
import type { QueuedReminder } from "@/lib/reminders/queue-reminders";
import { isLastActiveAdmin } from "./last-admin-guard";
import { userIdSchema } from "./user-schemas";

/**
 * Deactivates (cannot sign in any more; sessions and API keys end) or reactivates an account. ADMIN only;
 * the last admin stays.
 */
export async function setUserActive(actor: Actor | null, id: string, active: boolean, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { users } = messagesFor(actor).admin;
  if (!userIdSchema.safeParse(id).success) return failure(users.notFound);
  let messages: QueuedReminder[] = [];
  try {
    const result = await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id }, select: { role: true, email: true } });
      if (!user) return failure(users.notFound);
      if (!active && user.role === "ADMIN" && (await isLastActiveAdmin(tx, id))) return failure(users.lastAdmin);
      const updated = await tx.user.update({ where: { id }, data: { active } });
      // A head reactivated in their unit: its unsigned commitments are reissued in their name.
      messages = await reissueForHeadIfActive(tx, updated, { actorId: actor.id, context, now: new Date() });
      // Reactivating later must not bring back a session or API key from before.
      if (!active) await endUserSessions(tx, id);
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: active ? "activate-user" : "deactivate-user", userId: id, email: user.email } });
      return success(formatMessage(active ? users.activated : users.deactivatedUser, { email: user.email }));
    }, { timeout: 60_000 });
    await deliverQueuedReminders(messages);
    return result;
  } catch (error) {
    // A template stored before input refused characters the PDF font lacks, met while reissuing.
    const unprintable = unprintableRefusal(error, actor);
    if (unprintable !== null) return failure(unprintable);
    if (isUniqueViolationOn(error, "one_active_head") || isUniqueViolationOn(error, "unitId")) {
      return failure(users.reactivateHeadTaken);
    }
    throw error;
  }
}
