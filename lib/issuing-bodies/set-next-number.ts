import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { issuingBodyIdSchema, nextNumberSchema } from "./issuing-body-schemas";

/**
 * Sets the number the body's register gives next this (Vietnamese) year (ADMIN) — e.g. when the body
 * moves from a paper register mid-year. A number already in the register is refused: numbers never repeat.
 * The counter row is locked first, so an issuance running now cannot slip a number in between the
 * check and the write.
 */
export async function setNextNumber(actor: Actor | null, id: string, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { bodies } = messagesFor(actor);
  if (!issuingBodyIdSchema.safeParse(id).success) return failure(bodies.notFound);
  const parsed = nextNumberSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { nextNumber } = parsed.data;
  const year = Number(vietnamToday(now).slice(0, 4));
  return prisma.$transaction(async (tx) => {
    if (!(await tx.issuingBody.findUnique({ where: { id }, select: { id: true } }))) return failure(bodies.notFound);
    await tx.$executeRaw`INSERT INTO "DocumentCounter" ("issuingBodyId", year, "lastNumber", "updatedAt") VALUES (${id}, ${year}, 0, now()) ON CONFLICT DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM "DocumentCounter" WHERE "issuingBodyId" = ${id} AND year = ${year} FOR UPDATE`;
    const used = await tx.outgoingDocument.aggregate({ where: { issuingBodyId: id, year }, _max: { number: true } });
    const highest = used._max.number ?? 0;
    if (nextNumber <= highest) {
      const message = formatMessage(bodies.register.numberUsed, { number: nextNumber, highest, year });
      return failure(message, { nextNumber: [message] });
    }
    await tx.documentCounter.update({ where: { issuingBodyId_year: { issuingBodyId: id, year } }, data: { lastNumber: nextNumber - 1 } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "set-next-number", issuingBodyId: id, year, nextNumber } });
    return success(formatMessage(bodies.register.saved, { number: nextNumber, year }));
  });
}
