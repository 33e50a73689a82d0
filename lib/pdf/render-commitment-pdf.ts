import { PDFDocument, rgb, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import type { ResolvedCommitment } from "@/lib/documents/resolve-commitment";
import { embedTinos } from "./fonts";
import { breakLines } from "./text-layout";
import { UnprintableTextError, unprintableCharacters } from "./printable-text";

/** A rectangle (PDF points, origin bottom-left) kept empty for a signature appearance. */
export type SlotRect = { page: number; x: number; y: number; width: number; height: number };
/**
 * Where the signers' appearances go (head, chairperson), and the two rectangles the organisation signature's
 * revision fills at issuance: `number` (ô 3, "Số: 12/CK-UBND") and `date` (ô 4, "Phan Thiết, ngày … tháng … năm …").
 */
export type SignatureSlots = { head: SlotRect; chairperson: SlotRect; number: SlotRect; date: SlotRect };
export type RenderedCommitment = { bytes: Uint8Array; signatureSlots: SignatureSlots };

// Decree 30/2020 Appendix I: A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; body 13 pt.
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 13;
const LEADING = 1.3;
const INDENT = 10 * MM;
/** The signature image's space, plus the signer's name (bold 13 pt) and "Ký số: …" line the widget draws under it. */
const SIGNATURE_SPACE = 42 * MM + 30;
/** Ô 3 and ô 4 each hold one 13 pt line, drawn at issuance. */
const ISSUANCE_LINE_SPACE = 20;
/** Between paragraphs: at least 6 pt (App. I §II.5). */
const PARAGRAPH_SPACING = 6;
const BLACK = rgb(0, 0, 0);

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; boldItalic: PDFFont };
/** "full": as long as the text (Tiêu ngữ); "short": a third of it, centred (name of the issuing unit). */
type CentredLine = { text: string; font: PDFFont; size: number; underline?: "full" | "short" };

const lineHeightOf = (size: number) => size * 1.25;

/**
 * A centred line wrapped into as few lines as `width` allows, all about as long: the narrowest width giving
 * that many lines ("ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐỨC THẮNG", not "ỦY BAN NHÂN DÂN PHƯỜNG" / "ĐỨC THẮNG").
 */
function balancedLines(line: CentredLine, width: number) {
  const greedy = breakLines(line.text, line.font, line.size, width);
  if (greedy.length === 1) return greedy;
  let [low, high] = [Math.max(...greedy.map((l) => Math.max(...l.widths))), width];
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    if (breakLines(line.text, line.font, line.size, mid).length > greedy.length) low = mid;
    else high = mid;
  }
  return breakLines(line.text, line.font, line.size, high);
}

/** How tall `lines` are once wrapped into a column of `width`. */
function centredHeight(lines: CentredLine[], width: number) {
  return lines.reduce((h, l) => h + balancedLines(l, width).length * lineHeightOf(l.size), 0);
}

/** A horizontal rule of `length` centred in the column [x, x + width]. */
function centredRule(page: PDFPage, x: number, width: number, length: number, y: number) {
  const start = x + (width - length) / 2;
  page.drawLine({ start: { x: start, y }, end: { x: start + length, y }, thickness: 0.6, color: BLACK });
}

/** Centred lines in a column [x, x + width], from top `y` down; returns the y below the last line. */
function centredLines(page: PDFPage, lines: CentredLine[], x: number, width: number, y: number) {
  for (const line of lines) {
    const parts = balancedLines(line, width);
    for (const part of parts) {
      y -= lineHeightOf(line.size);
      page.drawText(part.words.join(" "), { x: x + (width - part.width) / 2, y, size: line.size, font: line.font, color: BLACK });
      // The Tiêu ngữ is underlined, every line of it.
      if (line.underline === "full") centredRule(page, x, width, part.width, y - 3);
    }
    // The short rule under the issuing body's name sits lower, once, as a separator.
    if (line.underline === "short") centredRule(page, x, width, Math.max(...parts.map((p) => p.width)) / 3, y - 7);
  }
  return y;
}

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
      this.page.drawText(label, { x: MARGIN.left + (CONTENT_WIDTH - w) / 2, y: PAGE.height - MARGIN.top / 2 - BODY / 2, size: BODY, font: this.fonts.regular });
      this.y -= 6;
    }
  }

  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number) {
    this.y -= points;
  }

  /**
   * A paragraph: first-line indent, justified except its last line. `keepLines` lines stay on one page.
   * `rule`: a centred rule under it, 2/5 of its widest line (App. I ô 5b: 1/3 to 1/2 of the line).
   */
  paragraph(text: string, { font = this.fonts.regular, size = BODY, indent = INDENT, hanging = 0, align = "justify" as "justify" | "center", keepLines = 2, rule = false } = {}) {
    const lineHeight = size * LEADING;
    const x0 = MARGIN.left + hanging;
    const width = CONTENT_WIDTH - hanging;
    const lines = breakLines(text, font, size, width - indent, width);
    // No lone first line at the foot of a page (Decree 30 leaves widows/orphans to taste; clerks avoid them).
    this.ensure(Math.min(lines.length, keepLines) * lineHeight);
    let baseline = this.y;
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      baseline = this.y + (lineHeight - size) / 2 + size * 0.22;
      const lineWidth = i === 0 ? width - indent : width;
      const start = x0 + (i === 0 ? indent : 0);
      if (align === "center") {
        this.page.drawText(line.words.join(" "), { x: MARGIN.left + (CONTENT_WIDTH - line.width) / 2, y: baseline, size, font, color: BLACK });
      } else if (line.last || line.words.length === 1) {
        this.page.drawText(line.words.join(" "), { x: start, y: baseline, size, font, color: BLACK });
      } else {
        // CID fonts ignore the word-spacing operator (Tw), so a justified line places each word itself.
        const gapWidth = (lineWidth - line.widths.reduce((a, b) => a + b, 0)) / (line.words.length - 1);
        let x = start;
        line.words.forEach((word, k) => {
          this.page.drawText(word, { x, y: baseline, size, font, color: BLACK });
          x += line.widths[k] + gapWidth;
        });
      }
    });
    if (rule) centredRule(this.page, MARGIN.left, CONTENT_WIDTH, (Math.max(...lines.map((l) => l.width)) * 2) / 5, baseline - 5);
    this.y -= PARAGRAPH_SPACING;
  }

  /** "1. …" with the text aligned after the number; `labelWidth` is the widest label's, so all items align. */
  numbered(label: string, text: string, labelWidth: number) {
    const font = this.fonts.regular;
    this.ensure(2 * BODY * LEADING);
    const topY = this.y;
    const startPage = this.page;
    this.paragraph(text, { font, indent: 0, hanging: INDENT + labelWidth });
    const baseline = topY - BODY * LEADING + (BODY * LEADING - BODY) / 2 + BODY * 0.22;
    startPage.drawText(label, { x: MARGIN.left + INDENT, y: baseline, size: BODY, font, color: BLACK });
  }
}

/** Every string the document holds (all but the document-info metadata and the date), walked generically so a new field is never missed. */
function drawnTexts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(drawnTexts);
  if (value && typeof value === "object") return Object.values(value).flatMap(drawnTexts);
  return [];
}

/**
 * The last guard behind input validation (names and templates stored before it, or a new path that
 * skipped it): fontkit would draw a missing glyph as an empty .notdef, silently dropping the character.
 * The ô 3 and ô 4 lines are checked too though only issuance draws them: their place name must print then.
 */
function assertPrintable(doc: ResolvedCommitment) {
  const { metadata: _metadata, documentDate: _documentDate, ...drawn } = doc;
  const characters = unprintableCharacters(drawnTexts(drawn).join(""));
  if (characters.length > 0) throw new UnprintableTextError(characters);
}

/**
 * Renders one unit's commitment in the Decree 30 layout and reports where the signature appearances and the
 * issuance's number and date go. Throws UnprintableTextError for a character the font cannot print.
 * Deterministic: fixed dates (the campaign's document date, as metadata only), fixed font names, no random
 * file ID, so the same inputs give the same bytes (and SHA-256).
 */
export async function renderCommitmentPdf(doc: ResolvedCommitment): Promise<RenderedCommitment> {
  assertPrintable(doc);
  const creationDate = new Date(doc.documentDate);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await embedTinos(pdf, "regular"),
    bold: await embedTinos(pdf, "bold"),
    italic: await embedTinos(pdf, "italic"),
    boldItalic: await embedTinos(pdf, "boldItalic"),
  };
  pdf.setTitle(doc.metadata.title);
  pdf.setAuthor(doc.metadata.author);
  pdf.setSubject(doc.metadata.subject);
  pdf.setCreator("camket — UBND thành phố Phan Thiết");
  pdf.setProducer("camket");
  pdf.setLanguage("vi-VN");
  pdf.setCreationDate(creationDate);
  pdf.setModificationDate(creationDate);

  const flow = new Flow(pdf, fonts);
  // Header, two columns inside the margins: issuing body (left), Quốc hiệu and Tiêu ngữ (right).
  const top = flow.y;
  const leftWidth = CONTENT_WIDTH * 0.4;
  const rightX = MARGIN.left + leftWidth;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const headerLines: CentredLine[] = [
    ...(doc.header.superior ? [{ text: doc.header.superior, font: fonts.regular, size: 12 }] : []),
    { text: doc.header.name, font: fonts.bold, size: 12, underline: "short" as const },
  ];
  const leftBottom = centredLines(flow.page, headerLines, MARGIN.left, leftWidth, top);
  const rightBottom = centredLines(
    flow.page,
    [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font: fonts.bold, size: 12 },
      { text: "Độc lập - Tự do - Hạnh phúc", font: fonts.bold, size: 13, underline: "full" },
    ],
    rightX,
    rightWidth,
    top,
  );
  // Ô 3 (number, under the body's rule) and ô 4 (place and date, under the Tiêu ngữ) stay empty: the
  // organisation signature's revision draws both at issuance, when they are known.
  const numberSlot: SlotRect = { page: 0, x: MARGIN.left, y: leftBottom - 12 - ISSUANCE_LINE_SPACE, width: leftWidth, height: ISSUANCE_LINE_SPACE };
  const dateSlot: SlotRect = { page: 0, x: rightX, y: rightBottom - 8 - ISSUANCE_LINE_SPACE, width: rightWidth, height: ISSUANCE_LINE_SPACE };
  flow.y = Math.min(numberSlot.y, dateSlot.y) - 18;

  flow.paragraph(doc.title, { font: fonts.bold, size: 14, indent: 0, align: "center" });
  flow.paragraph(doc.subtitle, { font: fonts.bold, size: BODY, indent: 0, align: "center", rule: true });
  flow.gap(12);
  for (const basis of doc.legalBases) flow.paragraph(basis, { font: fonts.italic });
  flow.gap(4);
  flow.paragraph(doc.parIntro);
  for (const group of doc.parGroups) {
    flow.ensure(3 * BODY * LEADING); // a group heading never ends a page
    flow.paragraph(group.heading, { font: fonts.italic });
    for (const item of group.items) flow.paragraph(`- ${item}`);
  }
  flow.gap(4);
  flow.paragraph(doc.commitmentIntro);
  const labelWidth = fonts.regular.widthOfTextAtSize(`${doc.commitments.length}. `, BODY);
  doc.commitments.forEach((item, i) => flow.numbered(`${i + 1}.`, item, labelWidth));
  for (const text of doc.closing) flow.paragraph(text);

  // Signature blocks side by side: titles and the reserved space, where each signer's widget draws the
  // image, the full name and the signing time; "Nơi nhận" under them, left. All on one page.
  const { head, chairperson } = doc.signatureBlocks;
  const columnWidth = CONTENT_WIDTH / 2;
  const headTitles: CentredLine[] = [
    { text: head.title, font: fonts.bold, size: BODY },
    { text: head.jobTitle, font: fonts.bold, size: BODY },
  ];
  const chairTitles: CentredLine[] = [
    { text: chairperson.heading, font: fonts.bold, size: BODY },
    { text: chairperson.title, font: fonts.bold, size: BODY },
  ];
  const titlesHeight = Math.max(centredHeight(headTitles, columnWidth), centredHeight(chairTitles, columnWidth));
  const recipients = recipientBlock(doc.recipients, fonts, columnWidth);
  const gapAbove = 14;
  const gapBelow = 12;
  flow.ensure(gapAbove + titlesHeight + 6 + SIGNATURE_SPACE + gapBelow + recipients.height);
  flow.gap(gapAbove);
  const blockTop = flow.y;
  const pageIndex = pdf.getPageCount() - 1;
  centredLines(flow.page, headTitles, MARGIN.left, columnWidth, blockTop);
  centredLines(flow.page, chairTitles, MARGIN.left + columnWidth, columnWidth, blockTop);
  const slotTop = blockTop - titlesHeight - 6;
  const slotBottom = slotTop - SIGNATURE_SPACE;
  recipients.draw(flow.page, MARGIN.left, slotBottom - gapBelow);

  const slot = (x: number): SlotRect => ({ page: pageIndex, x: x + 6, y: slotBottom, width: columnWidth - 12, height: SIGNATURE_SPACE });
  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, signatureSlots: { head: slot(MARGIN.left), chairperson: slot(MARGIN.left + columnWidth), number: numberSlot, date: dateSlot } };
}

/** App. I ô 9b: "Nơi nhận:" bold italic 12 pt, then its lines in 11 pt, left-aligned in a column of `width`. */
function recipientBlock(recipients: ResolvedCommitment["recipients"], fonts: Fonts, width: number) {
  const lines = [
    { font: fonts.boldItalic, size: 12, parts: breakLines(recipients.heading, fonts.boldItalic, 12, width) },
    ...recipients.lines.map((text) => ({ font: fonts.regular, size: 11, parts: breakLines(text, fonts.regular, 11, width) })),
  ];
  const height = lines.reduce((h, l) => h + l.parts.length * lineHeightOf(l.size) * 0.92, 0);
  return {
    height,
    draw(page: PDFPage, x: number, top: number) {
      let y = top;
      for (const { font, size, parts } of lines) {
        for (const part of parts) {
          y -= lineHeightOf(size) * 0.92;
          page.drawText(part.words.join(" "), { x, y, size, font, color: BLACK });
        }
      }
    },
  };
}
