import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "@/lib/audit/canonical-json";
import { messageRef } from "@/lib/i18n/message-ref";
import type { Messages } from "@/lib/i18n/messages-for";
import { refinePrintable } from "@/lib/pdf/printable-text";

/**
 * Placeholders a template may use; each copy fills them in (lib/documents/resolve-commitment.ts).
 * Anything else between braces is a typo and the template is refused.
 */
export const PLACEHOLDERS = {
  "{don_vi}": "tên đơn vị",
  "{nguoi_dung_dau}": "họ tên người đứng đầu",
  "{chuc_vu}": "chức vụ người đứng đầu",
  "{chuc_danh}": "chức vụ kèm tên đơn vị, không lặp từ (Chánh Văn phòng HĐND và UBND thành phố / Chủ tịch UBND phường Đức Thắng)",
  "{vai_tro}": "cách gọi người đứng đầu theo loại đơn vị (Thủ trưởng phòng, ban / Chủ tịch UBND phường / Chủ tịch UBND xã)",
  "{thanh_pho}": "tên thành phố",
} as const;

/** A template field's name, worded in the editing admin's language inside its validation messages. */
type TemplateField = keyof Messages["admin"]["templates"]["fields"];
const fieldRef = (field: TemplateField) => ({ key: `admin.templates.fields.${field}` as const });

/** `printable`: refuse what the PDF font cannot print (and NUL and other controls, which jsonb cannot even store). */
const text = (field: TemplateField, max: number, printable: boolean) => {
  const label = fieldRef(field);
  const required = messageRef("common.validation.required", { label });
  const checked = z
    .string()
    .min(1, required)
    .max(max, messageRef("common.validation.tooLong", { label, max }))
    .superRefine((value, ctx) => {
      for (const token of value.match(/\{[^}]*\}?/g) ?? []) {
        if (!(token in PLACEHOLDERS)) ctx.addIssue({ code: "custom", message: messageRef("admin.templates.badPlaceholder", { label, token }) });
      }
    });
  return z
    .string({ error: required })
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(printable ? checked.superRefine(refinePrintable) : checked);
};

const contentSchema = (printable: boolean) => {
  const field = (name: TemplateField, max: number) => text(name, max, printable);
  const list = (name: TemplateField, { min = 1, max = 40, itemMax = 2000 } = {}) => {
    const label = fieldRef(name);
    return z
      .array(field(name, itemMax), { error: messageRef("admin.templates.listInvalid", { label }) })
      .min(min, messageRef("admin.templates.listTooShort", { label, min }))
      .max(max, messageRef("admin.templates.listTooLong", { label, max }));
  };
  return z.object({
    title: field("title", 120),
    subtitle: field("subtitle", 300),
    legalBases: list("legalBases", { max: 15, itemMax: 600 }),
    parIndex: z.object({
      intro: field("parIntro", 2000),
      improved: list("improved", { min: 0, max: 20, itemMax: 600 }),
      declined: list("declined", { min: 0, max: 20, itemMax: 600 }),
      unchanged: list("unchanged", { min: 0, max: 20, itemMax: 600 }),
    }),
    commitmentIntro: field("commitmentIntro", 1000),
    commitments: list("commitments", { max: 30, itemMax: 1500 }),
    closing: list("closing", { max: 5, itemMax: 1500 }),
  });
};

/** What an admin may save or publish. */
export const commitmentContentSchema = contentSchema(true);

/**
 * Content read back from the database. A version published before the printable rule is frozen under
 * its hash and must stay readable (its signed copies are shown from it); the renderer still refuses to
 * draw a character it cannot print (lib/pdf/render-commitment-pdf.ts).
 */
export const storedCommitmentContentSchema = contentSchema(false);

export type CommitmentContent = z.infer<typeof commitmentContentSchema>;

/** SHA-256 (hex) of the canonical content: the fingerprint a published version is frozen under. */
export function canonicalContentHash(content: CommitmentContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
