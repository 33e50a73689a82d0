import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { userIdSchema } from "./user-schemas";

/** Ends every session and revokes every API key of one person (a lost laptop, a suspected leak). ADMIN only. */
export async function signOutUserEverywhere(actor: Actor | null, id: string, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { users } = messagesFor(actor).admin;
  if (!userIdSchema.safeParse(id).success) return failure(users.notFound);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { email: true } });
    if (!user) return failure(users.notFound);
    await endUserSessions(tx, id);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "sign-out-everywhere", userId: id, email: user.email } });
    return success(formatMessage(users.signedOutEverywhere, { email: user.email }));
  });
}
