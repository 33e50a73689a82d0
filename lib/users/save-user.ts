import { prisma } from "@/lib/db/client";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { hashPassword } from "@/lib/auth/password";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { isLastActiveAdmin, LAST_ADMIN_MESSAGE } from "./last-admin-guard";
import { userCreateSchema, userIdSchema, userUpdateSchema } from "./user-schemas";

const HEAD_TAKEN = "Đơn vị này đã có người đứng đầu đang hoạt động";

/** Creates a user (no id, with a password) or edits one (id). ADMIN only. */
export async function saveUser(
  actor: Actor | null,
  input: unknown,
  id?: string,
  context: AuditContext = {},
): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden();
  if (id !== undefined && !userIdSchema.safeParse(id).success) return failure("Người dùng không tồn tại.");
  const parsed = (id === undefined ? userCreateSchema : userUpdateSchema).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { password, ...fields } = { password: undefined, ...parsed.data };
  const data = { ...fields, unitId: fields.unitId ?? null };
  const passwordHash = password ? await hashPassword(password) : undefined;

  try {
    return await prisma.$transaction(async (tx) => {
      if (data.unitId && !(await tx.unit.findUnique({ where: { id: data.unitId }, select: { id: true } }))) {
        return failure("Đơn vị không tồn tại.", { unitId: ["Đơn vị không tồn tại"] });
      }
      if (id === undefined) {
        const user = await tx.user.create({ data: { ...data, passwordHash: passwordHash! } });
        // The fields, never the password.
        await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: data.unitId, data: { action: "create-user", userId: user.id, ...data } });
        return { ...success(`Đã tạo tài khoản ${user.email}.`), id: user.id };
      }
      const current = await tx.user.findUnique({ where: { id }, select: { role: true } });
      if (!current) return failure("Người dùng không tồn tại.");
      if (current.role === "ADMIN" && data.role !== "ADMIN" && (await isLastActiveAdmin(tx, id))) {
        return failure(LAST_ADMIN_MESSAGE, { role: [LAST_ADMIN_MESSAGE] });
      }
      await tx.user.update({ where: { id }, data });
      await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", unitId: data.unitId, data: { action: "update-user", userId: id, ...data } });
      return { ...success(`Đã lưu tài khoản ${data.email}.`), id };
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "email")) return failure("Email đã được dùng.", { email: ["Email đã được dùng cho tài khoản khác"] });
    if (isUniqueViolationOn(error, "one_active_head") || isUniqueViolationOn(error, "unitId")) {
      return failure(`${HEAD_TAKEN}.`, { unitId: [HEAD_TAKEN] });
    }
    throw error;
  }
}
