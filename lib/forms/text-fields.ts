import { z } from "zod";

/** A required one-line text: trimmed, NFC-normalised (so "Đức" typed on any keyboard compares equal). */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} không được để trống` })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `${label} không được để trống`)
        .max(max, `${label} tối đa ${max} ký tự`)
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} chứa ký tự không hợp lệ`),
    );
}

export const idSchema = (label: string) => z.uuid({ error: `${label} không tồn tại` });
