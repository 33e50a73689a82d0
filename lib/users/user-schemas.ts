import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { ROLES } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES, { error: "Vai trò không hợp lệ" });

export const emailSchema = z
  .string({ error: "Email không được để trống" })
  .trim()
  .min(1, "Email không được để trống")
  .max(254, "Email tối đa 254 ký tự")
  .pipe(z.email({ error: "Email không đúng định dạng" }))
  .transform((s) => s.toLowerCase());

export const newPasswordSchema = z
  .string({ error: "Mật khẩu không được để trống" })
  .min(8, "Mật khẩu phải có ít nhất 8 ký tự")
  .max(200, "Mật khẩu tối đa 200 ký tự");

const optionalUnitId = z
  .string()
  .optional()
  .transform((s) => (s ? s : undefined))
  .pipe(idSchema("unit").optional());

const userFields = z.object({
  email: emailSchema,
  fullName: requiredText("fullName", 120),
  jobTitle: requiredText("jobTitle", 120),
  role: roleSchema,
  unitId: optionalUnitId,
});

/** A head must belong to a unit; other roles may name one for display. */
const withUnitRule = <T extends z.infer<typeof userFields>>(value: T, ctx: z.RefinementCtx) => {
  if (value.role === "UNIT_HEAD" && !value.unitId) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "Người đứng đầu đơn vị phải thuộc một đơn vị" });
  }
};

export const userUpdateSchema = userFields.superRefine(withUnitRule);
export const userCreateSchema = userFields.extend({ password: newPasswordSchema }).superRefine(withUnitRule);
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const passwordResetSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Mật khẩu nhập lại không khớp" });

export const userIdSchema = idSchema("user");

export const userListFilterSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  role: roleSchema.optional().catch(undefined),
});
export type UserListFilter = z.infer<typeof userListFilterSchema>;
