import type { z } from "zod";
import { messagesFor } from "@/lib/i18n/messages-for";
import { resolveMessage } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";

/** Whose language a result is worded in: the actor (their stored choice), a locale, or Vietnamese. */
type Reader = Locale | { locale: Locale } | null | undefined;

/** What a server action hands back to its form: a message and, where input was wrong, errors by field. */
export type FormResult = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const forbidden = (reader?: Reader): FormResult => ({ ok: false, message: messagesFor(reader).common.form.forbidden });

export const failure = (message: string, fieldErrors?: FormResult["fieldErrors"]): FormResult => ({
  ok: false,
  message,
  fieldErrors,
});

export const success = (message: string): FormResult => ({ ok: true, message });

export function invalidInput(error: z.ZodError, reader?: Reader): FormResult {
  const messages = messagesFor(reader);
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(resolveMessage(messages, issue.message));
  }
  return { ok: false, message: messages.common.form.invalid, fieldErrors };
}

/** FormData → plain object (last value wins) for zod; files are left out. */
export function formDataToObject(formData: FormData): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) result[key] = value;
  }
  return result;
}
