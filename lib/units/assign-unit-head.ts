import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { unitIdSchema } from "./unit-schemas";

/**
 * Makes `userId` the unit's head (ADMIN). The previous active head keeps their account but leaves the unit,
 * in the same transaction, so the unit never has two heads nor loses one half-way.
 */
export async function assignUnitHead(actor: Actor | null, unitId: string, userId: string, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden();
  if (!unitIdSchema.safeParse(unitId).success) return failure("Đơn vị không tồn tại.");
  if (!idSchema("user").safeParse(userId).success) return failure("Người dùng không tồn tại.", { userId: ["Chọn một người dùng"] });

  return prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId } });
    if (!unit) return failure("Đơn vị không tồn tại.");
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return failure("Người dùng không tồn tại.", { userId: ["Người dùng không tồn tại"] });
    if (!user.active) return failure("Tài khoản này đã bị vô hiệu hóa.", { userId: ["Tài khoản đã bị vô hiệu hóa"] });
    if (user.role !== "UNIT_HEAD") {
      return failure("Chỉ tài khoản có vai trò “Người đứng đầu đơn vị” mới được giao.", { userId: ["Sai vai trò"] });
    }
    await tx.user.updateMany({
      where: { unitId, role: "UNIT_HEAD", active: true, NOT: { id: userId } },
      data: { unitId: null },
    });
    await tx.user.update({ where: { id: userId }, data: { unitId } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId, data: { action: "assign-unit-head", userId, email: user.email } });
    return success(`${user.fullName} là người đứng đầu ${unit.name}.`);
  });
}
