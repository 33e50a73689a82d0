import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { unitIdSchema } from "./unit-schemas";

/** Deactivates or reactivates a unit (ADMIN). Its history stays; an inactive unit gets no new campaigns. */
export async function setUnitActive(actor: Actor | null, id: string, active: boolean, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { units } = messagesFor(actor).admin;
  if (!unitIdSchema.safeParse(id).success) return failure(units.notFound);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.unit.updateMany({ where: { id }, data: { active } });
    if (updated.count === 0) return failure(units.notFound);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: id, data: { action: active ? "activate-unit" : "deactivate-unit" } });
    return success(active ? units.activated : units.deactivated);
  });
}
