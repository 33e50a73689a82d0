import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { userIdSchema } from "@/lib/users/user-schemas";

/**
 * An admin removes a person's second factor (a lost phone and lost recovery codes): the key and codes are
 * gone, every session of that person ends, and the audit log says who did it. The person sets it up again at
 * their next sign-in (required roles are sent there).
 */
export async function resetSecondFactor(actor: Actor | null, userId: unknown, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).secondFactor;
  const id = userIdSchema.safeParse(userId);
  if (!id.success) return failure(m.adminResetNone);
  const reset = await prisma.$transaction(async (tx) => {
    const removed = await tx.secondFactor.deleteMany({ where: { userId: id.data } });
    if (!removed.count) return null;
    const user = await tx.user.update({ where: { id: id.data }, data: { sessionVersion: { increment: 1 } }, select: { id: true, email: true, unitId: true } });
    await recordAuditEvent(tx, { ...context, actorId: actor.id, actorEmail: actor.email, type: "SECOND_FACTOR_RESET", unitId: user.unitId, data: { userId: user.id, email: user.email } });
    return user;
  });
  return reset ? success(m.adminResetDone) : failure(m.adminResetNone);
}
