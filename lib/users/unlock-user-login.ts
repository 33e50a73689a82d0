import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { userIdSchema } from "./user-schemas";

/** Forgets the failed sign-ins counted for this person's e-mail from every address, so no delay remains. ADMIN only. */
export async function unlockUserLogin(actor: Actor | null, id: string, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { users } = messagesFor(actor).admin;
  if (!userIdSchema.safeParse(id).success) return failure(users.notFound);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { email: true } });
    if (!user) return failure(users.notFound);
    const cleared = await tx.loginThrottle.deleteMany({ where: { email: user.email } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "unlock-login", userId: id, email: user.email, addresses: cleared.count } });
    return success(formatMessage(users.loginUnlocked, { email: user.email }));
  });
}
