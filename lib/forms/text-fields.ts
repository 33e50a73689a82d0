import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import type { Messages } from "@/lib/i18n/messages-for";

/** A field's label: a key under common.fields, worded in the reader's language when an error is shown. */
export type FieldLabel = keyof Messages["common"]["fields"];

export const labelRef = (label: FieldLabel) => ({ key: `common.fields.${label}` as const });

/** A required one-line text: trimmed, NFC-normalised (so "Đức" typed on any keyboard compares equal). */
export function requiredText(label: FieldLabel, max: number) {
  const required = messageRef("common.validation.required", { label: labelRef(label) });
  return z
    .string({ error: required })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, required)
        .max(max, messageRef("common.validation.tooLong", { label: labelRef(label), max }))
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), messageRef("common.validation.invalidCharacters", { label: labelRef(label) })),
    );
}

export const idSchema = (label: FieldLabel) => z.uuid({ error: messageRef("common.validation.notFound", { label: labelRef(label) }) });
