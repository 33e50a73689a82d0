import { PDFDocument, rgb, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import type { ResolvedCommitment } from "@/lib/documents/resolve-commitment";
import { embedTinos } from "./fonts";
import { breakLines } from "./text-layout";

/** A rectangle (PDF points, origin bottom-left) kept empty for a signature appearance. */
export type SlotRect = { page: number; x: number; y: number; width: number; height: number };
export type SignatureSlots = { head: SlotRect; chairperson: SlotRect };

// Decree 30/2020 Appendix I: A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; body 13 pt.
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 13;
const LEADING = 1.3;
const INDENT = 12.7 * MM * 0.8;
const SIGNATURE_SPACE = 45 * MM;
const BLACK = rgb(0, 0, 0);

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

/** A cursor flowing text down pages; adds a page (numbered at the top from page 2) when one is full. */
class Flow {
  page!: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    private fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
    const number = this.doc.getPageCount();
    if (number > 1) {
      const label = String(number);
      const w = this.fonts.regular.widthOfTextAtSize(label, BODY);
      this.page.drawText(label, { x: (PAGE.width - w) / 2, y: PAGE.height - MARGIN.top / 2 - BODY / 2, size: BODY, font: this.fonts.regular });
      this.y -= 6;
    }
  }

  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number) {
    this.y -= points;
  }

  /** A paragraph: first-line indent, justified except its last line. */
  paragraph(text: string, { font = this.fonts.regular, size = BODY, indent = INDENT, hanging = 0, align = "justify" as "justify" | "center" } = {}) {
    const lineHeight = size * LEADING;
    const x0 = MARGIN.left + hanging;
    const width = CONTENT_WIDTH - hanging;
    const lines = breakLines(text, font, size, width - indent, width);
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const baseline = this.y + (lineHeight - size) / 2 + size * 0.22;
      const lineWidth = i === 0 ? width - indent : width;
      const start = x0 + (i === 0 ? indent : 0);
      if (align === "center") {
        this.page.drawText(line.words.join(" "), { x: MARGIN.left + (CONTENT_WIDTH - line.width) / 2, y: baseline, size, font, color: BLACK });
      } else if (line.last || line.words.length === 1) {
        this.page.drawText(line.words.join(" "), { x: start, y: baseline, size, font, color: BLACK });
      } else {
        const gapWidth = (lineWidth - line.widths.reduce((a, b) => a + b, 0)) / (line.words.length - 1);
        let x = start;
        line.words.forEach((word, k) => {
          this.page.drawText(word, { x, y: baseline, size, font, color: BLACK });
          x += line.widths[k] + gapWidth;
        });
      }
    });
    this.y -= 3;
  }

  /** "1. …" with the text aligned after the number. */
  numbered(label: string, text: string, font = this.fonts.regular) {
    const labelWidth = font.widthOfTextAtSize(`${label} `, BODY);
    this.ensure(BODY * LEADING);
    const topY = this.y;
    const startPage = this.page;
    this.paragraph(text, { font, indent: 0, hanging: INDENT + labelWidth });
    const baseline = topY - BODY * LEADING + (BODY * LEADING - BODY) / 2 + BODY * 0.22;
    startPage.drawText(label, { x: MARGIN.left + INDENT, y: baseline, size: BODY, font, color: BLACK });
  }
}

/** Centred lines in a column [x, x + width], from top `y` down; returns the y below the last line. */
function centredLines(page: PDFPage, lines: { text: string; font: PDFFont; size: number; underline?: boolean }[], x: number, width: number, y: number) {
  for (const line of lines) {
    for (const part of breakLines(line.text, line.font, line.size, width)) {
      const text = part.words.join(" ");
      y -= line.size * 1.25;
      const left = x + (width - part.width) / 2;
      page.drawText(text, { x: left, y, size: line.size, font: line.font, color: BLACK });
      if (line.underline) page.drawLine({ start: { x: left, y: y - 3 }, end: { x: left + part.width, y: y - 3 }, thickness: 0.7, color: BLACK });
    }
  }
  return y;
}

/**
 * Renders one unit's commitment in the Decree 30 layout. Deterministic: fixed dates and font names, no
 * random IDs, so the same inputs give the same bytes (and SHA-256).
 */
export async function renderCommitmentPdf(doc: ResolvedCommitment, documentDate = new Date(0)): Promise<{ bytes: Uint8Array; signatureSlots: SignatureSlots }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = { regular: await embedTinos(pdf, "regular"), bold: await embedTinos(pdf, "bold"), italic: await embedTinos(pdf, "italic") };
  pdf.setTitle(doc.metadata.title);
  pdf.setAuthor(doc.metadata.author);
  pdf.setSubject(doc.metadata.subject);
  pdf.setCreator("camket — UBND thành phố Phan Thiết");
  pdf.setProducer("camket");
  pdf.setLanguage("vi-VN");
  pdf.setCreationDate(documentDate);
  pdf.setModificationDate(documentDate);

  const flow = new Flow(pdf, fonts);
  // Header: issuing body (left), Quốc hiệu and Tiêu ngữ (right).
  const top = flow.y;
  const leftWidth = 72 * MM;
  const rightX = MARGIN.left + leftWidth - 8 * MM;
  const rightWidth = PAGE.width - MARGIN.right - rightX + 6 * MM;
  const leftBottom = centredLines(
    flow.page,
    [
      { text: doc.issuingBody, font: fonts.regular, size: 12 },
      { text: doc.unitName, font: fonts.bold, size: 12, underline: true },
    ],
    MARGIN.left - 10 * MM,
    leftWidth,
    top,
  );
  const rightBottom = centredLines(
    flow.page,
    [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font: fonts.bold, size: 12 },
      { text: "Độc lập - Tự do - Hạnh phúc", font: fonts.bold, size: 13, underline: true },
    ],
    rightX,
    rightWidth,
    top,
  );
  const dateBottom = centredLines(flow.page, [{ text: doc.placeAndDate, font: fonts.italic, size: 13 }], rightX, rightWidth, rightBottom - 10);
  flow.y = Math.min(leftBottom, dateBottom) - 24;

  flow.paragraph(doc.title, { font: fonts.bold, size: 14, indent: 0, align: "center" });
  flow.paragraph(doc.subtitle, { font: fonts.bold, size: BODY, indent: 0, align: "center" });
  flow.gap(12);
  for (const basis of doc.legalBases) flow.paragraph(basis, { font: fonts.italic });
  flow.gap(4);
  flow.paragraph(doc.parIntro);
  for (const group of doc.parGroups) {
    flow.paragraph(group.heading, { font: fonts.italic });
    for (const item of group.items) flow.paragraph(`- ${item}`);
  }
  flow.gap(4);
  flow.paragraph(doc.commitmentIntro);
  doc.commitments.forEach((item, i) => flow.numbered(`${i + 1}.`, item));
  for (const text of doc.closing) flow.paragraph(text);

  // Signature blocks side by side, never split across pages.
  const columnWidth = CONTENT_WIDTH / 2;
  const headLines = [
    { text: doc.signatureBlocks.head.title, font: fonts.bold, size: BODY },
    { text: doc.signatureBlocks.head.jobTitle, font: fonts.bold, size: BODY },
  ];
  const chairLines = [
    { text: "XÁC NHẬN CỦA", font: fonts.bold, size: BODY },
    { text: doc.signatureBlocks.chairperson.title, font: fonts.bold, size: BODY },
  ];
  const blockHeight = 2 * BODY * 1.25 * 2 + SIGNATURE_SPACE + BODY * 2.5 + 20;
  flow.gap(14);
  flow.ensure(blockHeight);
  const blockTop = flow.y;
  const pageIndex = pdf.getPageCount() - 1;
  const leftTitleBottom = centredLines(flow.page, headLines, MARGIN.left, columnWidth, blockTop);
  const rightTitleBottom = centredLines(flow.page, chairLines, MARGIN.left + columnWidth, columnWidth, blockTop);
  const slotTop = Math.min(leftTitleBottom, rightTitleBottom) - 6;
  const slotBottom = slotTop - SIGNATURE_SPACE;
  centredLines(flow.page, [{ text: doc.signatureBlocks.head.fullName, font: fonts.bold, size: BODY }], MARGIN.left, columnWidth, slotBottom - 4);

  const slot = (x: number): SlotRect => ({ page: pageIndex, x: x + 6, y: slotBottom, width: columnWidth - 12, height: SIGNATURE_SPACE });
  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, signatureSlots: { head: slot(MARGIN.left), chairperson: slot(MARGIN.left + columnWidth) } };
}
