import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { searchQuerySchema } from "@/lib/forms/search-query";
import { ROLES } from "@/lib/auth/roles";
import { messageRef, type MessageKey } from "@/lib/i18n/message-ref";
import { passwordProblem, type PasswordProblem } from "@/lib/auth/password-policy";
import { refinePrintable } from "@/lib/pdf/printable-text";
import { optionalIssuingBodyIdSchema } from "@/lib/issuing-bodies/issuing-body-schemas";

export const roleSchema = z.enum(ROLES, { error: messageRef("admin.users.roleInvalid") });

export const emailSchema = z
  .string({ error: messageRef("admin.users.emailRequired") })
  .trim()
  .min(1, messageRef("admin.users.emailRequired"))
  .max(254, messageRef("admin.users.emailTooLong"))
  .pipe(z.email({ error: messageRef("admin.users.emailFormat") }))
  .transform((s) => s.toLowerCase());

const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, MessageKey> = {
  tooShort: "admin.users.passwordTooShort",
  tooSimple: "admin.users.passwordTooSimple",
  common: "admin.users.passwordCommon",
  personal: "admin.users.passwordPersonal",
};

/** The password policy (lib/auth/password-policy.ts) for every password an admin sets. */
export const newPasswordSchema = z
  .string({ error: messageRef("admin.users.passwordRequired") })
  .min(1, messageRef("admin.users.passwordRequired"))
  .max(200, messageRef("admin.users.passwordTooLong"))
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: messageRef(PASSWORD_PROBLEM_MESSAGES[problem]) });
  });

/** Its last rule needs the person: the password must not contain their own name or e-mail. */
export function refuseOwnNameInPassword(person: { email: string; fullName: string }, password: string, ctx: z.RefinementCtx) {
  if (passwordProblem(password, person) === "personal") {
    ctx.addIssue({ code: "custom", path: ["password"], message: messageRef(PASSWORD_PROBLEM_MESSAGES.personal) });
  }
}

const optionalUnitId = z
  .string()
  .optional()
  .transform((s) => (s ? s : undefined))
  .pipe(idSchema("unit").optional());

const userFields = z.object({
  email: emailSchema,
  // Both are printed in the commitment and in the signature stamp (after requiredText, so a control character gets one message).
  fullName: requiredText("fullName", 120).pipe(z.string().superRefine(refinePrintable)),
  jobTitle: requiredText("jobTitle", 120).pipe(z.string().superRefine(refinePrintable)),
  role: roleSchema,
  unitId: optionalUnitId,
  // Only a clerk files under a body; for any other role the choice is dropped.
  issuingBodyId: optionalIssuingBodyIdSchema,
});

/**
 * A head must belong to a unit; other roles may name one for display (a ward's vice-chairman: the ward;
 * the city's vice-chairperson: none). A clerk must belong to an issuing body.
 */
const withUnitRule = <T extends z.infer<typeof userFields>>(value: T, ctx: z.RefinementCtx) => {
  if (value.role === "UNIT_HEAD" && !value.unitId) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: messageRef("admin.users.headNeedsUnit") });
  }
  if (value.role === "CLERK" && !value.issuingBodyId) {
    ctx.addIssue({ code: "custom", path: ["issuingBodyId"], message: messageRef("bodies.validation.chooseBody") });
  }
};

export const userUpdateSchema = userFields.superRefine(withUnitRule);
export const userCreateSchema = userFields
  .extend({ password: newPasswordSchema })
  .superRefine(withUnitRule)
  .superRefine((value, ctx) => refuseOwnNameInPassword(value, value.password, ctx));
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
