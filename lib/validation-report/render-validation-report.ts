import { PDFDocument, rgb, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import { embedTinos } from "@/lib/pdf/fonts";
import { breakLines } from "@/lib/pdf/text-layout";

/** One labelled block of the report: a heading and its "label: value" rows (values wrap). */
export type ReportSection = { heading: string; rows: [label: string, value: string][] };

export type ValidationReportContent = {
  /** Shown under the title: what the report is about, e.g. the campaign and unit. */
  subtitle: string;
  generatedAt: string;
  sections: ReportSection[];
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const LABEL_WIDTH = 150;
const SIZE = 10;
const LEADING = 13;
const FOOTER_Y = 28;

/**
 * The validation report as a PDF: title "BÁO CÁO XÁC MINH CHỮ KÝ SỐ", then each section, values wrapped to the
 * column and new pages as needed, and "Trang x/y" at the foot of every page (drawn last, when y is known).
 * Tinos like the documents themselves, so Vietnamese diacritics extract intact with pdftotext.
 */
export async function renderValidationReport(content: ValidationReportContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("BÁO CÁO XÁC MINH CHỮ KÝ SỐ");
  doc.setLanguage("vi-VN");
  const [regular, bold] = await Promise.all([embedTinos(doc, "regular"), embedTinos(doc, "bold")]);
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([A4.width, A4.height]);
    pages.push(page);
    y = A4.height - MARGIN;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN) newPage();
  };
  const write = (text: string, x: number, font: PDFFont, size = SIZE) => page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0) });
  const centred = (text: string, font: PDFFont, size: number) => write(text, (A4.width - font.widthOfTextAtSize(text, size)) / 2, font, size);

  newPage();
  centred("BÁO CÁO XÁC MINH CHỮ KÝ SỐ", bold, 15);
  y -= 20;
  for (const line of breakLines(content.subtitle, regular, 11, A4.width - 2 * MARGIN)) {
    centred(line.words.join(" "), regular, 11);
    y -= 15;
  }
  y -= 8;

  const valueWidth = A4.width - 2 * MARGIN - LABEL_WIDTH;
  for (const section of content.sections) {
    ensure(LEADING * 3);
    y -= 6;
    write(section.heading, MARGIN, bold, 11.5);
    y -= LEADING + 3;
    for (const [label, value] of section.rows) {
      // Hashes and serials have no spaces: they break by character rather than overflow the page.
      const lines = value.split("\n").flatMap((part) => breakLines(splitLongWords(part, regular, valueWidth), regular, SIZE, valueWidth));
      const labelLines = breakLines(label, bold, SIZE, LABEL_WIDTH - 8);
      const rows = Math.max(lines.length, labelLines.length);
      ensure(Math.min(rows, 3) * LEADING);
      for (let i = 0; i < rows; i++) {
        ensure(LEADING);
        if (labelLines[i]) write(labelLines[i]!.words.join(" "), MARGIN, bold);
        if (lines[i]) write(lines[i]!.words.join(" "), MARGIN + LABEL_WIDTH, regular);
        y -= LEADING;
      }
    }
  }

  const footer = `Tạo lúc ${content.generatedAt}`;
  pages.forEach((p, i) => {
    const number = `Trang ${i + 1}/${pages.length}`;
    p.drawText(footer, { x: MARGIN, y: FOOTER_Y, size: 8.5, font: regular, color: rgb(0.3, 0.3, 0.3) });
    p.drawText(number, { x: A4.width - MARGIN - regular.widthOfTextAtSize(number, 8.5), y: FOOTER_Y, size: 8.5, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  // Fixed dates keep the bytes a function of the content (the ZIP's SHA256SUMS and tests compare them).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  return doc.save({ useObjectStreams: false });
}

/** Breaks any word wider than the column into pieces that fit (hex digests, long e-mail addresses). */
function splitLongWords(text: string, font: PDFFont, width: number): string {
  return text
    .split(" ")
    .map((word) => {
      if (font.widthOfTextAtSize(word, SIZE) <= width) return word;
      const pieces: string[] = [];
      let piece = "";
      for (const char of word) {
        if (piece && font.widthOfTextAtSize(piece + char, SIZE) > width) {
          pieces.push(piece);
          piece = "";
        }
        piece += char;
      }
      return [...pieces, piece].join(" ");
    })
    .join(" ");
}
