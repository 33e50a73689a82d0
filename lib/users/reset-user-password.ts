import { prisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { passwordResetSchema, refuseOwnNameInPassword, userIdSchema } from "./user-schemas";

/**
 * Sets a new password chosen by the admin (password policy), ends the person's sessions and API keys and
 * lifts any sign-in delay on their e-mail. ADMIN only.
 */
export async function resetUserPassword(actor: Actor | null, id: string, input: unknown, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { users } = messagesFor(actor).admin;
  if (!userIdSchema.safeParse(id).success) return failure(users.notFound);
  const person = await prisma.user.findUnique({ where: { id }, select: { email: true, fullName: true } });
  if (!person) return failure(users.notFound);
  const parsed = passwordResetSchema.superRefine((v, ctx) => refuseOwnNameInPassword(person, v.password, ctx)).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const passwordHash = await hashPassword(parsed.data.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash } });
    // Whoever knew the old password may hold a session or an API key made with it.
    await endUserSessions(tx, id);
    await tx.loginThrottle.deleteMany({ where: { email: person.email } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "reset-password", userId: id } });
  });
  return success(users.passwordReset);
}
