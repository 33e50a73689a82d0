import { prisma } from "@/lib/db/client";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { bodyChoosable } from "@/lib/issuing-bodies/check-body-choosable";
import { slugify } from "./slugify";
import { unitIdSchema, unitInputSchema } from "./unit-schemas";

/**
 * Creates a unit (no id) or edits one (id). ADMIN only; name, slug and code must stay unique. A unit created by
 * the HR sync (write API) carries its externalId from the start.
 */
export async function saveUnit(
  actor: Actor | null,
  input: unknown,
  id?: string,
  context: AuditContext = {},
  { externalId }: { externalId?: string } = {},
): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const messages = messagesFor(actor);
  const { units } = messages.admin;
  const parsed = unitInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  if (id !== undefined && !unitIdSchema.safeParse(id).success) return failure(units.notFound);

  const data = { ...parsed.data, slug: slugify(parsed.data.name) };
  if (!data.slug) return failure(units.invalid, { name: [units.nameNeedsLetter] });
  try {
    return await prisma.$transaction(async (tx) => {
      if (data.issuingBodyId) {
        const current = id === undefined ? null : await tx.unit.findUnique({ where: { id }, select: { issuingBodyId: true } });
        const choosable = await bodyChoosable(tx, data.issuingBodyId, current?.issuingBodyId);
        if (choosable !== "ok") {
          const message = choosable === "inactive" ? messages.bodies.inactiveBody : messages.bodies.notFound;
          return failure(message, { issuingBodyId: [message] });
        }
      }
      if (id === undefined) {
        const last = await tx.unit.aggregate({ _max: { sortOrder: true } });
        const unit = await tx.unit.create({ data: { ...data, externalId, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
        await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: unit.id, data: { action: "create-unit", ...data } });
        return { ...success(formatMessage(units.created, { name: unit.name })), id: unit.id };
      }
      const updated = await tx.unit.updateMany({ where: { id }, data });
      if (updated.count === 0) return failure(units.notFound);
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: id, data: { action: "update-unit", ...data } });
      return { ...success(formatMessage(units.saved, { name: data.name })), id };
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "externalId")) return failure(units.externalIdTaken);
    if (isUniqueViolationOn(error, "code")) return failure(units.codeTaken, { code: [units.codeTakenField] });
    if (isUniqueViolationOn(error, "name") || isUniqueViolationOn(error, "slug")) {
      return failure(units.nameTaken, { name: [units.nameTakenField] });
    }
    throw error;
  }
}
