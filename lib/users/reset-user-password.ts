import { prisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { passwordResetSchema, userIdSchema } from "./user-schemas";

/** Sets a new password chosen by the admin and lifts any sign-in delay on the account's e-mail. ADMIN only. */
export async function resetUserPassword(actor: Actor | null, id: string, input: unknown, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { users } = messagesFor(actor).admin;
  if (!userIdSchema.safeParse(id).success) return failure(users.notFound);
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const passwordHash = await hashPassword(parsed.data.password);
  const updated = await prisma.$transaction(async (tx) => {
    const user = await tx.user.updateMany({ where: { id }, data: { passwordHash } });
    if (user.count === 0) return user;
    const { email } = await tx.user.findUniqueOrThrow({ where: { id }, select: { email: true } });
    await tx.loginThrottle.deleteMany({ where: { email } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "reset-password", userId: id } });
    return user;
  });
  if (updated.count === 0) return failure(users.notFound);
  return success(users.passwordReset);
}
