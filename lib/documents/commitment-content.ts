import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "@/lib/audit/canonical-json";

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

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} không được để trống` })
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, `${label} không được để trống`)
        .max(max, `${label} tối đa ${max} ký tự`)
        .superRefine((value, ctx) => {
          for (const token of value.match(/\{[^}]*\}?/g) ?? []) {
            if (!(token in PLACEHOLDERS)) ctx.addIssue({ code: "custom", message: `${label} có chỗ điền không hợp lệ: ${token}` });
          }
        }),
    );

const list = (label: string, itemLabel: string, { min = 1, max = 40, itemMax = 2000 } = {}) =>
  z
    .array(text(itemLabel, itemMax), { error: `${label} không hợp lệ` })
    .min(min, `${label} phải có ít nhất ${min} mục`)
    .max(max, `${label} tối đa ${max} mục`);

export const commitmentContentSchema = z.object({
  title: text("Tiêu đề", 120),
  subtitle: text("Trích yếu", 300),
  legalBases: list("Căn cứ", "Căn cứ", { max: 15, itemMax: 600 }),
  parIndex: z.object({
    intro: text("Đoạn mở đầu kết quả PAR Index", 2000),
    improved: list("Chỉ số cải thiện", "Chỉ số cải thiện", { min: 0, max: 20, itemMax: 600 }),
    declined: list("Chỉ số giảm điểm", "Chỉ số giảm điểm", { min: 0, max: 20, itemMax: 600 }),
    unchanged: list("Chỉ số giữ nguyên", "Chỉ số giữ nguyên", { min: 0, max: 20, itemMax: 600 }),
  }),
  commitmentIntro: text("Lời cam kết", 1000),
  commitments: list("Nội dung cam kết", "Nội dung cam kết", { max: 30, itemMax: 1500 }),
  closing: list("Đoạn kết", "Đoạn kết", { max: 5, itemMax: 1500 }),
});

export type CommitmentContent = z.infer<typeof commitmentContentSchema>;

/** SHA-256 (hex) of the canonical content: the fingerprint a published version is frozen under. */
export function canonicalContentHash(content: CommitmentContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
