import { prisma } from "@/lib/db/client";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { slugify } from "./slugify";
import { unitIdSchema, unitInputSchema } from "./unit-schemas";

/** Creates a unit (no id) or edits one (id). ADMIN only; name, slug and code must stay unique. */
export async function saveUnit(
  actor: Actor | null,
  input: unknown,
  id?: string,
  context: AuditContext = {},
): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden();
  const parsed = unitInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (id !== undefined && !unitIdSchema.safeParse(id).success) return failure("Đơn vị không tồn tại.");

  const data = { ...parsed.data, slug: slugify(parsed.data.name) };
  if (!data.slug) return failure("Dữ liệu chưa hợp lệ.", { name: ["Tên đơn vị phải có ít nhất một chữ cái hoặc chữ số"] });
  try {
    return await prisma.$transaction(async (tx) => {
      if (id === undefined) {
        const last = await tx.unit.aggregate({ _max: { sortOrder: true } });
        const unit = await tx.unit.create({ data: { ...data, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
        await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: unit.id, data: { action: "create-unit", ...data } });
        return { ...success(`Đã tạo đơn vị “${unit.name}”.`), id: unit.id };
      }
      const updated = await tx.unit.updateMany({ where: { id }, data });
      if (updated.count === 0) return failure("Đơn vị không tồn tại.");
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: id, data: { action: "update-unit", ...data } });
      return { ...success(`Đã lưu đơn vị “${data.name}”.`), id };
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "code")) return failure("Mã đơn vị đã được dùng.", { code: ["Mã đơn vị đã được dùng cho đơn vị khác"] });
    if (isUniqueViolationOn(error, "name") || isUniqueViolationOn(error, "slug")) {
      return failure("Tên đơn vị đã tồn tại.", { name: ["Đã có đơn vị trùng tên (không phân biệt dấu)"] });
    }
    throw error;
  }
}
