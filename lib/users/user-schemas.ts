import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { searchQuerySchema } from "@/lib/forms/search-query";
import { ROLES } from "@/lib/auth/roles";
import { messageRef } from "@/lib/i18n/message-ref";

export const roleSchema = z.enum(ROLES, { error: messageRef("admin.users.roleInvalid") });

export const emailSchema = z
  .string({ error: messageRef("admin.users.emailRequired") })
  .trim()
  .min(1, messageRef("admin.users.emailRequired"))
  .max(254, messageRef("admin.users.emailTooLong"))
  .pipe(z.email({ error: messageRef("admin.users.emailFormat") }))
  .transform((s) => s.toLowerCase());

export const newPasswordSchema = z
  .string({ error: messageRef("admin.users.passwordRequired") })
  .min(8, messageRef("admin.users.passwordTooShort"))
  .max(200, messageRef("admin.users.passwordTooLong"));

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
    ctx.addIssue({ code: "custom", path: ["unitId"], message: messageRef("admin.users.headNeedsUnit") });
  }
};

export const userUpdateSchema = userFields.superRefine(withUnitRule);
export const userCreateSchema = userFields.extend({ password: newPasswordSchema }).superRefine(withUnitRule);
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const passwordResetSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: messageRef("admin.users.passwordMismatch") });

export const userIdSchema = idSchema("user");

export const userListFilterSchema = z.object({
  q: searchQuerySchema,
  role: roleSchema.optional().catch(undefined),
});
export type UserListFilter = z.infer<typeof userListFilterSchema>;
