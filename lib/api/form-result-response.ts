import type { FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { problemResponse } from "./problem-response";

/**
 * A lib operation's refusal as the API answers it: the role check → 403, field errors → 422 with a JSON
 * pointer per field ("unitSelection.unitIds" → "/unitSelection/unitIds"), anything else (already launched, a
 * unit that already has a head…) → 409 with the operation's own message.
 */
export function formResultProblem(result: FormResult, notFoundMessage?: string): Response {
  if (result.message === messagesFor().common.form.forbidden) return problemResponse(403, result.message);
  if (notFoundMessage !== undefined && result.message === notFoundMessage) return problemResponse(404, result.message);
  const fields = Object.entries(result.fieldErrors ?? {}).filter(([, messages]) => messages?.length);
  if (fields.length) {
    const errors = fields.flatMap(([field, messages]) => messages!.map((detail) => ({ pointer: `/${field.split(".").join("/")}`, detail })));
    return problemResponse(422, result.message ?? errors[0]!.detail, "validation", { errors });
  }
  return problemResponse(409, result.message ?? "Không thực hiện được.");
}
