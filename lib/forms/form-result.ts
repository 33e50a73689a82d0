import type { z } from "zod";

/** What a server action hands back to its form: a message and, where input was wrong, errors by field. */
export type FormResult = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const FORBIDDEN_MESSAGE = "Bạn không có quyền thực hiện thao tác này.";

export const forbidden = (): FormResult => ({ ok: false, message: FORBIDDEN_MESSAGE });

export const failure = (message: string, fieldErrors?: FormResult["fieldErrors"]): FormResult => ({
  ok: false,
  message,
  fieldErrors,
});

export const success = (message: string): FormResult => ({ ok: true, message });

export function invalidInput(error: z.ZodError): FormResult {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.", fieldErrors };
}

/** FormData → plain object (last value wins) for zod; files are left out. */
export function formDataToObject(formData: FormData): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) result[key] = value;
  }
  return result;
}
