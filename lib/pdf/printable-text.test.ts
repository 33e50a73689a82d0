import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fontkit, { type Font } from "@cantoo/fontkit";
import type { z } from "zod";
import { commitmentContentSchema } from "@/lib/documents/commitment-content";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { resolveCommitment } from "@/lib/documents/resolve-commitment";
import { WARD_FACTS, WARD_PLACEHOLDERS } from "@/lib/test/commitment-placeholders";
import { renderAssignmentPdf, unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { resolveMessage } from "@/lib/i18n/message-ref";
import { vi } from "@/lib/i18n/messages/vi";
import { unitInputSchema } from "@/lib/units/unit-schemas";
import { userUpdateSchema } from "@/lib/users/user-schemas";
import { pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { describeCharacters, isPrintable, UnprintableTextError } from "./printable-text";
import { renderCommitmentPdf } from "./render-commitment-pdf";

const VIETNAMESE = "Đ ư ơ ạ ằ ẫ — Nguyễn Thị Ánh Tuyết, Phường Đức Thắng, Ủy ban “Ỷ Ỵ” ₫ № …";
const EMOJI = "Phường Đức Thắng 😀";
const CJK = "Phường 中文";
const NUL = "Phường\u0000Đức Thắng";

/** The messages a schema gives for a value, worded in Vietnamese. */
function messagesFor(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => resolveMessage(vi, i.message));
}

describe("the printable characters are exactly what the embedded font can draw", () => {
  it("agrees with the cmap of every Tinos face, code point by code point", () => {
    const faces = ["regular", "bold", "italic", "bold-italic"].map(
      (face) => new Set((fontkit.create(readFileSync(path.join("lib/pdf/fonts", `tinos-${face}.ttf`))) as Font).characterSet),
    );
    for (let codePoint = 0; codePoint <= 0x2ffff; codePoint++) {
      const character = String.fromCodePoint(codePoint);
      if (isPrintable(character)) expect(faces.every((f) => f.has(codePoint)), character).toBe(true);
      else if (!/[\p{C}\p{Zl}\p{Zp}]/u.test(character)) expect(faces.some((f) => f.has(codePoint)), `U+${codePoint.toString(16)}`).toBe(false);
    }
  });
});

describe("input refuses what the PDF cannot print, naming the characters", () => {
  const unit = (name: string) => messagesFor(unitInputSchema, { name, kind: "WARD", code: "DT1" });
  const user = (fullName: string, jobTitle = "Chủ tịch UBND phường") =>
    messagesFor(userUpdateSchema, { email: "a@phanthiet.gov.vn", fullName, jobTitle, role: "AUDITOR" });
  const template = (commitmentIntro: string) => messagesFor(commitmentContentSchema, { ...DEFAULT_COMMITMENT_CONTENT, commitmentIntro });

  it("accepts all of Vietnamese", () => {
    expect(unit(VIETNAMESE)).toEqual([]);
    expect(user(VIETNAMESE, VIETNAMESE)).toEqual([]);
    expect(template(VIETNAMESE)).toEqual([]);
    // Typed decomposed (macOS), it is composed first and accepted too.
    expect(unit("Phường Đức Thắng".normalize("NFD"))).toEqual([]);
  });

  it("refuses emoji and CJK in a unit name, a full name, a job title and template text", () => {
    const emoji = "Ký tự không in được trong văn bản: 😀 (U+1F600)";
    const cjk = "Ký tự không in được trong văn bản: 中 (U+4E2D), 文 (U+6587)";
    expect(unit(EMOJI)).toEqual([emoji]);
    expect(unit(CJK)).toEqual([cjk]);
    expect(user(EMOJI)).toEqual([emoji]);
    expect(user("Nguyễn Văn A", CJK)).toEqual([cjk]);
    expect(template(EMOJI)).toEqual([emoji]);
    expect(template(CJK)).toEqual([cjk]);
  });

  it("refuses NUL and invisible control or direction characters in template text with a clear message", () => {
    expect(template(NUL)).toEqual(["Ký tự không in được trong văn bản: U+0000"]);
    expect(template("Tôi cam kết\u202e thực hiện")).toEqual(["Ký tự không in được trong văn bản: U+202E"]);
    // One-line fields already refused control characters; that stays.
    expect(unit(NUL)).toEqual(["Tên đơn vị chứa ký tự không hợp lệ"]);
    expect(describeCharacters(["\u0007", "😀"])).toBe("U+0007, 😀 (U+1F600)");
  });
});

describe("the renderer, as the last guard", () => {
  const facts = (fullName: string) => ({ ...WARD_PLACEHOLDERS, head: { ...WARD_PLACEHOLDERS.head, fullName } });

  it("throws a typed error naming the characters instead of drawing nothing for them", async () => {
    const rendering = renderCommitmentPdf(resolveCommitment(DEFAULT_COMMITMENT_CONTENT, facts("Nguyễn Văn 😀 中")));
    await expect(rendering).rejects.toBeInstanceOf(UnprintableTextError);
    await expect(rendering).rejects.toMatchObject({ characters: ["😀", "中"] });
  });

  it("its callers word the error for the reader, naming the characters; other errors are theirs to rethrow", async () => {
    const error = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, { ...WARD_FACTS, headTitle: "Chủ tịch 😀" }).catch((e: unknown) => e);
    expect(unprintableRefusal(error, "vi")).toBe("Ký tự không in được trong văn bản: 😀 (U+1F600)");
    expect(unprintableRefusal(error, { locale: "en" })).toBe("Characters that cannot be printed in the document: 😀 (U+1F600)");
    expect(unprintableRefusal(new Error("other"), "vi")).toBeNull();
  });

  it("prints every Vietnamese letter it is given", async () => {
    const { bytes } = await renderCommitmentPdf(resolveCommitment(DEFAULT_COMMITMENT_CONTENT, facts("Đặng Ưng Ơn Ạ Ằ Ẫ")));
    expect(pdfText(writeTemp(bytes)).replace(/\s+/g, " ")).toContain("Đặng Ưng Ơn Ạ Ằ Ẫ");
  });
});
