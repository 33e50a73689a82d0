import { prisma } from "@/lib/db/client";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { issuingBodyIdSchema, issuingBodyInputSchema } from "./issuing-body-schemas";

/** Creates an issuing body (no id) or edits one (id). ADMIN only; the printed name is unique. */
export async function saveIssuingBody(
  actor: Actor | null,
  input: unknown,
  id?: string,
  context: AuditContext = {},
): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { bodies } = messagesFor(actor);
  if (id !== undefined && !issuingBodyIdSchema.safeParse(id).success) return failure(bodies.notFound);
  const parsed = issuingBodyInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const data = parsed.data;
  try {
    return await prisma.$transaction(async (tx) => {
      if (id === undefined) {
        const last = await tx.issuingBody.aggregate({ _max: { sortOrder: true } });
        const body = await tx.issuingBody.create({ data: { ...data, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
        await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "create-issuing-body", issuingBodyId: body.id, ...data } });
        return { ...success(formatMessage(bodies.created, { name: body.name })), id: body.id };
      }
      const updated = await tx.issuingBody.updateMany({ where: { id }, data });
      if (updated.count === 0) return failure(bodies.notFound);
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "update-issuing-body", issuingBodyId: id, ...data } });
      return { ...success(formatMessage(bodies.saved, { name: data.name })), id };
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "name")) return failure(bodies.nameTaken, { name: [bodies.nameTakenField] });
    throw error;
  }
}
