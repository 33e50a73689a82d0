import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messageRef } from "@/lib/i18n/message-ref";
import { messagesFor } from "@/lib/i18n/messages-for";
import { SIGNING_METHODS } from "@/lib/external-signing/signing-methods";
import { userIdSchema } from "./user-schemas";

const optionsSchema = z.object({
  userId: userIdSchema,
  signingMethods: z.array(z.enum(SIGNING_METHODS)).min(1, messageRef("admin.users.signingMethodsRequired")).max(SIGNING_METHODS.length),
  certificateIdentifier: z
    .string()
    .trim()
    .max(64)
    .transform((s) => s || null),
});

/** ADMIN chooses which ways of signing a person may use, and the identifier that binds their certificates. */
export async function setUserSigningOptions(actor: Actor | null, input: unknown, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const t = messagesFor(actor).admin.users;
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { userId, signingMethods, certificateIdentifier } = parsed.data;
  const methods = [...new Set(signingMethods)];
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.updateManyAndReturn({ where: { id: userId }, data: { signingMethods: methods, certificateIdentifier }, select: { email: true } });
    if (!updated[0]) return failure(t.notFound);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "set-signing-options", userId, signingMethods: methods, certificateIdentifier } });
    return success(formatMessage(t.signingOptionsSaved, { email: updated[0].email }));
  });
}
