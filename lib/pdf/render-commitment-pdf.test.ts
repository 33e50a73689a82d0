import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { canonicalContentHash, commitmentContentSchema } from "@/lib/documents/commitment-content";
import { fullJobTitle, resolveCommitment, type CommitmentPlaceholders } from "@/lib/documents/resolve-commitment";
import { WARD_PLACEHOLDERS } from "@/lib/test/commitment-placeholders";
import { pageLines, ruleRuns, textInRect } from "@/lib/test/pdf-layout";
import { pdfFonts, pdfInfo, pdfPageCount, pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { qpdfCheck } from "@/lib/signing/testing/external-tools";
import { renderCommitmentPdf, type SlotRect } from "./render-commitment-pdf";
import { resolveMessage } from "@/lib/i18n/message-ref";
import { vi } from "@/lib/i18n/messages/vi";

const ward = WARD_PLACEHOLDERS;
const agency: CommitmentPlaceholders = {
  ...ward,
  unit: { name: "Văn phòng HĐND và UBND thành phố", kind: "AGENCY" },
  head: { fullName: "Trần Minh Quang", jobTitle: "Chánh Văn phòng" },
  // A unit without its own body prints the city's, which has no superior line.
  issuingBody: { name: "ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN THIẾT", superiorName: null, placeName: "Phan Thiết" },
};
const render = (p: CommitmentPlaceholders) => renderCommitmentPdf(resolveCommitment(DEFAULT_COMMITMENT_CONTENT, p));
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const firstWords = (s: string, n = 6) => s.split(" ").slice(0, n).join(" ");

describe("renderCommitmentPdf", () => {
  it("puts the exact Vietnamese text in the PDF, with Tinos embedded as a subset, and qpdf finds no error", async () => {
    const { bytes } = await render(ward);
    const file = writeTemp(bytes);
    const text = pdfText(file);
    for (const expected of [
      "UBND THÀNH PHỐ PHAN THIẾT",
      "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG",
      "Nguyễn Hữu Đức",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BẢN CAM KẾT",
      "50,50 điểm, xếp loại tốt (hạng 4/10",
      "tăng 0,5 điểm, chỉ số thành phần đạt 92,86%",
      "chỉ số thành phần chỉ đạt 66,66%",
      "đạt 12/12,5 điểm, chỉ số thành phần đạt 96%",
      "Quyết định số 3883/QĐ-UBND ngày 29/12/2016",
      "NGƯỜI CAM KẾT",
      "XÁC NHẬN CỦA CHỦ TỊCH UBND THÀNH PHỐ",
    ]) {
      expect(text).toContain(expected);
    }
    for (const commitment of DEFAULT_COMMITMENT_CONTENT.commitments) expect(text).toContain(firstWords(commitment));
    for (const face of ["Regular", "Bold", "Italic", "BoldItalic"]) {
      expect(pdfFonts(file)).toMatch(new RegExp(`[A-Z]{6}\\+Tinos-${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    }
    expect((await qpdfCheck(file)).output).toContain("No syntax or stream encoding errors found");
    const info = pdfInfo(file);
    expect(info).toContain("Title:           BẢN CAM KẾT — Phường Đức Thắng");
    expect(info).toContain("Author:          Nguyễn Hữu Đức — Phường Đức Thắng");
    expect(info).toMatch(/Subject:\s+Trách nhiệm của người đứng đầu/);
    expect(info).toMatch(/CreationDate:\s+Tue Jan +3 17:00:00 2017 UTC/);
    expect(Buffer.from(bytes).toString("latin1")).toMatch(/\/Lang \(vi-VN\)/);

    // A picture of page 1 for people (and CI artifacts) to look at.
    mkdirSync("artifacts", { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, "artifacts/cam-ket-trang-1"]);
  });

  it("prints the ward's header as two lines, its superior above, and the city's alone; no number, no date", async () => {
    const wardLines = pageLines(writeTemp((await render(ward)).bytes), 1);
    const superior = wardLines.findIndex((l) => l.text === "UBND THÀNH PHỐ PHAN THIẾT" || l.text.startsWith("UBND THÀNH PHỐ PHAN THIẾT "));
    expect(superior).toBeGreaterThanOrEqual(0);
    // The body's name below its superior, in the same (left) column, wrapped in balanced lines.
    const name = wardLines.findIndex((l) => l.text === "ỦY BAN NHÂN DÂN");
    expect(wardLines[name].yMin).toBeGreaterThan(wardLines[superior].yMin);
    expect(wardLines[name].xMax).toBeLessThan(272);
    expect(wardLines.find((l) => l.yMin > wardLines[name].yMin && l.xMax < 272)?.text).toBe("PHƯỜNG ĐỨC THẮNG");
    const cityLines = pageLines(writeTemp((await render(agency)).bytes), 1);
    expect(cityLines.filter((l) => l.xMax < 272).map((l) => l.text).slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ PHAN THIẾT"]);
    expect(cityLines.some((l) => l.text.includes("UBND THÀNH PHỐ PHAN THIẾT"))).toBe(false);
    for (const lines of [wardLines, cityLines]) {
      const text = lines.map((l) => l.text).join("\n");
      expect(text).not.toMatch(/ngày \d+ tháng \d+ năm \d+/);
      expect(text).not.toContain("Số:");
    }
  });

  it("keeps 2–4 pages, two empty ≥ 40 mm signature slots side by side on the last page with no name printed, and Nơi nhận below", async () => {
    for (const p of [ward, agency, { ...ward, chairperson: { fullName: "Đỗ Ngọc Điệp" } }]) {
      const { bytes, signatureSlots: slots } = await render(p);
      const file = writeTemp(bytes);
      const pages = pdfPageCount(file);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(4);
      for (const slot of [slots.head, slots.chairperson]) {
        expect(slot.page).toBe(pages - 1);
        // The image's 40 mm plus the name and signing time the signer's widget draws.
        expect(slot.height).toBeGreaterThanOrEqual((40 * 72) / 25.4 + 26);
        expect(textInRect(file, slot)).toBe("");
      }
      expect(slots.chairperson.x).toBeGreaterThan(slots.head.x + slots.head.width);
      expect(slots.chairperson.y).toBe(slots.head.y);
      // Names are the widgets' (lib/signatures/stamp-lines.ts): the base page prints none under the slots.
      const below = (slot: SlotRect): SlotRect => ({ ...slot, x: slot.x - 6, y: slot.y - 120, height: 120 });
      expect(textInRect(file, below(slots.chairperson))).toBe("");
      expect(textInRect(file, below(slots.head))).toBe("Nơi nhận: - Chủ tịch UBND thành phố; - Phòng Nội vụ; - Lưu: VT.");
    }
  });

  it("reserves ô 3 (number) under the body's name and ô 4 (date) under the Tiêu ngữ, empty, on page 1", async () => {
    const { bytes, signatureSlots: slots } = await render(ward);
    const file = writeTemp(bytes);
    const lines = pageLines(file, 1);
    const top = (text: string) => 841.89 - lines.find((l) => l.text.endsWith(text))!.yMax;
    for (const slot of [slots.number, slots.date]) {
      expect(slot.page).toBe(0);
      expect(slot.height).toBeGreaterThanOrEqual(18);
      expect(textInRect(file, slot)).toBe("");
    }
    expect(slots.number.x + slots.number.width).toBeLessThanOrEqual(slots.date.x);
    expect(slots.date.width).toBeGreaterThan(230); // "Phan Thiết, ngày 04 tháng 01 năm 2017" in 13 pt italic
    expect(slots.number.y + slots.number.height).toBeLessThan(top("PHƯỜNG ĐỨC THẮNG"));
    expect(slots.date.y + slots.date.height).toBeLessThan(top("Độc lập - Tự do - Hạnh phúc"));
    // …and above the title.
    expect(Math.min(slots.number.y, slots.date.y)).toBeGreaterThan(top("BẢN CAM KẾT"));
  });

  it("prints the campaign's recipients, each '- …;', then '- Lưu: VT.', in one block bottom left of the last page", async () => {
    const { bytes } = await render({ ...ward, recipients: ["Sở Nội vụ tỉnh Bình Thuận", " Phòng Nội vụ; "] });
    const file = writeTemp(bytes);
    const lines = pageLines(file, pdfPageCount(file));
    const heading = lines.findIndex((l) => l.text === "Nơi nhận:");
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(heading, heading + 4).map((l) => l.text)).toEqual(["Nơi nhận:", "- Sở Nội vụ tỉnh Bình Thuận;", "- Phòng Nội vụ;", "- Lưu: VT."]);
    expect(lines[heading].xMin).toBeCloseTo(30 * (72 / 25.4), 0);
    const fonts = pdfFonts(file);
    expect(fonts).toMatch(/Tinos-BoldItalic/);
  });

  it("draws a rule under the subject line, centred, 1/3–1/2 of its length", async () => {
    const file = writeTemp((await render(ward)).bytes);
    // The subject wraps: "Trách nhiệm … giai" / "đoạn 2016 – 2020"; the rule goes under its last line.
    const lines = pageLines(file, 1);
    const first = lines.findIndex((l) => l.text.startsWith("Trách nhiệm của người đứng đầu"));
    const [subject, last] = [lines[first], lines[first + 1]];
    expect(last.text).toBe("đoạn 2016 – 2020");
    const rule = ruleRuns(file, 1).find((r) => r.y > last.yMax && r.y < last.yMax + 12);
    expect(rule).toBeDefined();
    const length = rule!.x1 - rule!.x0;
    const lineLength = subject.xMax - subject.xMin;
    expect(length).toBeGreaterThanOrEqual(lineLength / 3);
    expect(length).toBeLessThanOrEqual(lineLength / 2);
    const centre = 30 * (72 / 25.4) + (595.28 - 45 * (72 / 25.4)) / 2;
    expect(Math.abs((rule!.x0 + rule!.x1) / 2 - centre)).toBeLessThan(2);
  });

  it("leaves at least 6 pt between paragraphs (the legal bases), 13 pt × 1.3 between lines inside one", async () => {
    const lines = pageLines(writeTemp((await render(ward)).bytes), 1);
    const starts = lines.flatMap((l, i) => (l.text.startsWith("Căn cứ") ? [i] : []));
    expect(starts).toHaveLength(4);
    for (const i of starts.slice(1)) expect(lines[i].yMin - lines[i - 1].yMin).toBeCloseTo(13 * 1.3 + 6, 0);
    // Inside the first basis, which wraps: one line's leading only.
    expect(lines[starts[0] + 1].yMin - lines[starts[0]].yMin).toBeCloseTo(13 * 1.3, 0);
  });

  it("is deterministic: the same inputs give the same SHA-256; another head gives another", async () => {
    const a = await render(ward);
    const b = await render(ward);
    const c = await render({ ...ward, head: { ...ward.head, fullName: "Trần Văn Khác" } });
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    expect(sha(c.bytes)).not.toBe(sha(a.bytes));
    expect(Buffer.from(a.bytes).toString("latin1")).not.toMatch(/\/ID\s*\[/);
  });

  it("words an agency's copy differently from a ward's, naming the head's post without repeating words", async () => {
    const agencyText = pdfText(writeTemp((await render(agency)).bytes));
    const wardText = pdfText(writeTemp((await render(ward)).bytes));
    expect(agencyText).toContain("Tôi, Trần Minh Quang, Chánh Văn phòng HĐND và UBND thành phố, cam kết");
    expect(agencyText).toContain("trách nhiệm của Thủ trưởng phòng, ban");
    expect(agencyText).not.toContain("Chủ tịch UBND phường");
    expect(wardText).toContain("Tôi, Nguyễn Hữu Đức, Chủ tịch UBND phường Đức Thắng, cam kết");
    expect(wardText).toContain("trách nhiệm của Chủ tịch UBND phường");
    expect(wardText).toContain("điều hành của phường Đức Thắng");
    expect(wardText).not.toContain("Thủ trưởng phòng, ban");
  });
});

describe("resolveCommitment", () => {
  it("shows the date as it is in Việt Nam and NFC-normalizes every string", () => {
    const decomposed = { ...ward, head: { fullName: "Nguyễn Hữu Đức".normalize("NFD"), jobTitle: ward.head.jobTitle } };
    const doc = resolveCommitment(DEFAULT_COMMITMENT_CONTENT, decomposed);
    expect(doc.dateLine).toBe("Phan Thiết, ngày … tháng … năm …");
    expect(doc.numberLine).toBe("Số: …/CK-UBND");
    expect(doc.header).toEqual({ superior: "UBND THÀNH PHỐ PHAN THIẾT", name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG" });
    const issued = resolveCommitment(DEFAULT_COMMITMENT_CONTENT, { ...ward, issuance: { number: 7, issuedAt: new Date("2017-01-05T02:00:00Z") } });
    expect([issued.numberLine, issued.dateLine]).toEqual(["Số: 07/CK-UBND", "Phan Thiết, ngày 05 tháng 01 năm 2017"]);
    const strings = JSON.stringify(doc);
    expect(strings).toBe(strings.normalize("NFC"));
    expect(doc.signatureBlocks.head.fullName).toBe("Nguyễn Hữu Đức");
  });

  it("joins job title and unit where they overlap", () => {
    expect(fullJobTitle("Trưởng phòng", "Phòng Nội vụ")).toBe("Trưởng phòng Nội vụ");
    expect(fullJobTitle("Chánh Thanh tra", "Thanh tra thành phố")).toBe("Chánh Thanh tra thành phố");
    expect(fullJobTitle("Chủ tịch UBND xã", "xã Tiến Thành")).toBe("Chủ tịch UBND xã Tiến Thành");
    expect(fullJobTitle("Phó Chủ tịch", "UBND phường Mũi Né")).toBe("Phó Chủ tịch UBND phường Mũi Né");
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
    const messages = result.error!.issues.map((i) => resolveMessage(vi, i.message));
    expect(messages).toContain("Tiêu đề không được để trống");
    expect(messages).toContain("Nội dung cam kết phải có ít nhất 1 mục");
    expect(messages).toContain("Lời cam kết có chỗ điền không hợp lệ: {ten_sai}");
  });

  it("accepts the seeded 2017 content unchanged", () => {
    expect(commitmentContentSchema.parse(DEFAULT_COMMITMENT_CONTENT)).toEqual(DEFAULT_COMMITMENT_CONTENT);
  });

  it("hashes canonically: key order and Unicode normalization do not matter, a changed word does", () => {
    const hash = canonicalContentHash(DEFAULT_COMMITMENT_CONTENT);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(DEFAULT_COMMITMENT_CONTENT).reverse()) as typeof DEFAULT_COMMITMENT_CONTENT;
    expect(canonicalContentHash(reordered)).toBe(hash);
    expect(canonicalContentHash({ ...DEFAULT_COMMITMENT_CONTENT, title: DEFAULT_COMMITMENT_CONTENT.title.normalize("NFD") })).toBe(hash);
    expect(canonicalContentHash({ ...DEFAULT_COMMITMENT_CONTENT, title: "BẢN CAM KẾT MỚI" })).not.toBe(hash);
  });
});
