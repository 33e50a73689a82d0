import { prisma } from "@/lib/db/client";
import { issueCertificatesAhead } from "@/lib/signatures/issue-certificates-ahead";
import { unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { hashPassword } from "@/lib/auth/password";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { reissueForHeadIfActive } from "@/lib/assignments/reissue-for-new-head";
import { deliverQueuedReminders } from "@/lib/reminders/deliver-queued-reminders";
import type { QueuedReminder } from "@/lib/reminders/queue-reminders";
import { bodyChoosable } from "@/lib/issuing-bodies/check-body-choosable";
import { isLastActiveAdmin } from "./last-admin-guard";
import { userCreateSchema, userIdSchema, userUpdateSchema } from "./user-schemas";

/** Creates a user (no id, with a password) or edits one (id). ADMIN only. One made by the HR sync carries its externalId. */
export async function saveUser(
  actor: Actor | null,
  input: unknown,
  id?: string,
  context: AuditContext = {},
  { externalId }: { externalId?: string } = {},
): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { common, admin, bodies } = messagesFor(actor);
  const { users } = admin;
  if (id !== undefined && !userIdSchema.safeParse(id).success) return failure(users.notFound);
  const parsed = (id === undefined ? userCreateSchema : userUpdateSchema).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { password, ...fields } = { password: undefined, ...parsed.data };
  const data = { ...fields, unitId: fields.unitId ?? null, issuingBodyId: fields.role === "CLERK" ? fields.issuingBodyId : null };
  const passwordHash = password ? await hashPassword(password) : undefined;
  // A head placed in a unit by this form gets the unit's unsigned commitments reissued in their name.
  let messages: QueuedReminder[] = [];
  const reissue = { actorId: actor.id, context, now: new Date() };

  try {
    const result = await prisma.$transaction(async (tx) => {
      if (data.unitId && !(await tx.unit.findUnique({ where: { id: data.unitId }, select: { id: true } }))) {
        return failure(admin.units.notFound, { unitId: [formatMessage(common.validation.notFound, { label: common.fields.unit })] });
      }
      if (data.issuingBodyId) {
        const current = id === undefined ? null : await tx.user.findUnique({ where: { id }, select: { issuingBodyId: true } });
        const choosable = await bodyChoosable(tx, data.issuingBodyId, current?.issuingBodyId);
        if (choosable !== "ok") {
          const message = choosable === "inactive" ? bodies.inactiveBody : bodies.notFound;
          return failure(message, { issuingBodyId: [message] });
        }
      }
      if (id === undefined) {
        const user = await tx.user.create({ data: { ...data, externalId, passwordHash: passwordHash! } });
        messages = await reissueForHeadIfActive(tx, user, reissue);
        // The fields, never the password.
        await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: data.unitId, data: { action: "create-user", userId: user.id, ...data } });
        return { ...success(formatMessage(users.created, { email: user.email })), id: user.id };
      }
      const current = await tx.user.findUnique({ where: { id }, select: { role: true } });
      if (!current) return failure(users.notFound);
      if (current.role === "ADMIN" && data.role !== "ADMIN" && (await isLastActiveAdmin(tx, id))) {
        return failure(users.lastAdmin, { role: [users.lastAdmin] });
      }
      const user = await tx.user.update({ where: { id }, data });
      messages = await reissueForHeadIfActive(tx, user, reissue);
      // New privileges start with a new sign-in; keys made under the old role go too.
      if (data.role !== current.role) await endUserSessions(tx, id);
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: data.unitId, data: { action: "update-user", userId: id, ...data } });
      return { ...success(formatMessage(users.saved, { email: data.email })), id };
    }, { timeout: 60_000 }); // reissued PDFs are rendered inside, as when assigning a head
    await deliverQueuedReminders(messages);
    // A new signer (or one whose role or unit changed) gets a certificate now, not at their first signature.
    if (result.ok && "id" in result) await issueCertificatesAhead([result.id]);
    return result;
  } catch (error) {
    // A template stored before input refused characters the PDF font lacks, met while reissuing.
    const unprintable = unprintableRefusal(error, actor);
    if (unprintable !== null) return failure(unprintable);
    if (isUniqueViolationOn(error, "externalId")) return failure(users.externalIdTaken);
    if (isUniqueViolationOn(error, "email")) return failure(users.emailTaken, { email: [users.emailTakenField] });
    if (isUniqueViolationOn(error, "one_active_head") || isUniqueViolationOn(error, "unitId")) {
      return failure(`${users.headTaken}.`, { unitId: [users.headTaken] });
    }
    throw error;
  }
}
