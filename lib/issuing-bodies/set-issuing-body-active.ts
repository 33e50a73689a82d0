import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { issuingBodyIdSchema } from "./issuing-body-schemas";

/**
 * Deactivates or reactivates a body (ADMIN): how a merger is modelled — create the new body, move the
 * units, deactivate the old one. Its register and issued documents stay. The city body is the fallback
 * every unit without a body prints, so it cannot go; a body still printed by active units cannot either
 * (they would keep issuing under a body nobody can choose any more).
 */
export async function setIssuingBodyActive(actor: Actor | null, id: string, active: boolean, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { bodies } = messagesFor(actor);
  if (!issuingBodyIdSchema.safeParse(id).success) return failure(bodies.notFound);
  return prisma.$transaction(async (tx) => {
    const body = await tx.issuingBody.findUnique({ where: { id }, select: { isCity: true, _count: { select: { units: { where: { active: true } } } } } });
    if (!body) return failure(bodies.notFound);
    if (!active && body.isCity) return failure(bodies.cityStaysActive);
    if (!active && body._count.units > 0) return failure(formatMessage(bodies.stillHasUnits, { count: body._count.units }));
    await tx.issuingBody.update({ where: { id }, data: { active } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: active ? "activate-issuing-body" : "deactivate-issuing-body", issuingBodyId: id } });
    return success(active ? bodies.activated : bodies.deactivated);
  });
}
