import { prisma } from "@/lib/db/client";
import { issueCertificatesAhead } from "@/lib/signatures/issue-certificates-ahead";
import { unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { reissueForNewHead } from "@/lib/assignments/reissue-for-new-head";
import { deliverQueuedReminders } from "@/lib/reminders/deliver-queued-reminders";
import type { QueuedReminder } from "@/lib/reminders/queue-reminders";
import { unitIdSchema } from "./unit-schemas";

/**
 * Makes `userId` the unit's head (ADMIN). The previous active head keeps their account but leaves the unit,
 * in the same transaction, so the unit never has two heads nor loses one half-way. The unit's unsigned
 * commitments still print the previous head's name, so the same transaction reissues them for the new
 * head (lib/assignments/reissue-for-new-head); the new head's messages are e-mailed once it has committed.
 */
export async function assignUnitHead(actor: Actor | null, unitId: string, userId: string, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { common, admin, signing } = messagesFor(actor);
  const { units } = admin;
  if (!unitIdSchema.safeParse(unitId).success) return failure(units.notFound);
  if (!idSchema("user").safeParse(userId).success) return failure(admin.users.notFound, { userId: [units.chooseUser] });

  let outcome;
  try {
    outcome = await prisma.$transaction(async (tx): Promise<FormResult & { messages?: QueuedReminder[] }> => {
      const unit = await tx.unit.findUnique({ where: { id: unitId } });
      if (!unit) return failure(units.notFound);
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) return failure(admin.users.notFound, { userId: [formatMessage(common.validation.notFound, { label: common.fields.user })] });
      if (!user.active) return failure(units.userDeactivated, { userId: [units.userDeactivatedField] });
      if (user.role !== "UNIT_HEAD") {
        return failure(units.notUnitHead, { userId: [units.notUnitHeadField] });
      }
      await tx.user.updateMany({
        where: { unitId, role: "UNIT_HEAD", active: true, NOT: { id: userId } },
        data: { unitId: null },
      });
      await tx.user.update({ where: { id: userId }, data: { unitId } });
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId, data: { action: "assign-unit-head", userId, email: user.email } });
      const { reissued, messages } = await reissueForNewHead(tx, { unitId, head: user, actorId: actor.id, context, now });
      const assigned = formatMessage(units.headAssigned, { name: user.fullName, unit: unit.name });
      return { ...success(reissued ? `${assigned} ${formatMessage(signing.results.reissuedForNewHead, { count: reissued, name: user.fullName })}` : assigned), messages };
    }, { timeout: 60_000 }); // rendering the reissued PDFs happens inside, like launching a campaign
  } catch (error) {
    // A template stored before input refused characters the PDF font lacks: nothing changed.
    const refusal = unprintableRefusal(error, actor);
    if (refusal === null) throw error;
    return failure(refusal);
  }
  const { messages = [], ...result } = outcome;
  await deliverQueuedReminders(messages);
  if (result.ok) await issueCertificatesAhead([userId], now);
  return result;
}
