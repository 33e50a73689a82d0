import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { commitmentContentSchema } from "@/lib/documents/commitment-content";
import { renderAssignmentPdf } from "@/lib/documents/render-assignment-pdf";
import { pdfFonts, pdfPageCount, pdfText, qpdfCheck, writeTemp } from "@/lib/test/pdf-tools";

const ward = {
  unit: { name: "Phường Đức Thắng", kind: "WARD" as const },
  headName: "Nguyễn Hữu Đức",
  headTitle: "Chủ tịch UBND phường",
  documentDate: new Date("2017-01-03T17:00:00Z"), // 04/01/2017 in Việt Nam
};
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("renderCommitmentPdf", () => {
  it("puts the exact Vietnamese text in the PDF, with Tinos embedded as a subset, and qpdf finds no error", async () => {
    const { bytes, signatureSlots } = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, ward);
    const file = writeTemp(bytes);
    const text = pdfText(file);
    for (const expected of [
      "PHƯỜNG ĐỨC THẮNG",
      "Nguyễn Hữu Đức",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Phan Thiết, ngày 04 tháng 01 năm 2017",
      "50,50",
      "Chủ tịch UBND phường Phường Đức Thắng",
      "NGƯỜI CAM KẾT",
    ]) {
      expect(text).toContain(expected);
    }
    for (const commitment of DEFAULT_COMMITMENT_CONTENT.commitments) {
      expect(text).toContain(commitment.split(" ").slice(0, 6).join(" "));
    }
    expect(pdfFonts(file)).toMatch(/\+Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(qpdfCheck(file)).toContain("No syntax or stream encoding errors found");
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    expect(signatureSlots.head.page).toBe(pages - 1);
    expect(signatureSlots.head.height).toBeGreaterThan(100);
    expect(signatureSlots.chairperson.x).toBeGreaterThan(signatureSlots.head.x + signatureSlots.head.width);

    // A picture of page 1 for people (and CI artifacts) to look at.
    mkdirSync("artifacts", { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, "artifacts/cam-ket-trang-1"]);
  });

  it("is deterministic: the same inputs give the same SHA-256; another head gives another", async () => {
    const a = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, ward);
    const b = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, ward);
    const c = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, { ...ward, headName: "Trần Văn Khác" });
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    expect(sha(c.bytes)).not.toBe(sha(a.bytes));
  });

  it("words an agency's copy differently from a ward's", async () => {
    const agency = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, {
      ...ward,
      unit: { name: "Phòng Nội vụ", kind: "AGENCY" },
      headName: "Lê Thị Thu Hà",
      headTitle: "Trưởng phòng",
    });
    const agencyText = pdfText(writeTemp(agency.bytes));
    expect(agencyText).toContain("với trách nhiệm là Thủ trưởng phòng, ban");
    expect(agencyText).not.toContain("với trách nhiệm là Chủ tịch UBND phường");
    const wardText = pdfText(writeTemp((await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, ward)).bytes));
    expect(wardText).toContain("với trách nhiệm là Chủ tịch UBND phường");
  });
});

describe("commitmentContentSchema", () => {
  it("refuses an empty title, no commitments and an unknown placeholder, with Vietnamese messages", () => {
    const result = commitmentContentSchema.safeParse({
      ...DEFAULT_COMMITMENT_CONTENT,
      title: "  ",
      commitments: [],
      commitmentIntro: "Tôi, {ten_sai}, cam kết",
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Tiêu đề không được để trống");
    expect(messages).toContain("Nội dung cam kết phải có ít nhất 1 mục");
    expect(messages).toContain("Lời cam kết có chỗ điền không hợp lệ: {ten_sai}");
  });

  it("accepts the seeded 2017 content", () => {
    expect(commitmentContentSchema.safeParse(DEFAULT_COMMITMENT_CONTENT).success).toBe(true);
  });
});
