import { stampFont, stampImage } from "./appearance-resources";
import type { IncrementalUpdate } from "./incremental-update";

/** Where the visible signature goes, in PDF points from the page's lower-left corner; `page` is 0-based. */
export interface SignatureSlot {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SignatureAppearance {
  /** The hand-drawn signature (already blue), scaled into the space above the text. */
  imagePng?: Uint8Array;
  /** Full name, title, unit, "Ký số lúc hh:mm:ss dd/mm/yyyy (+07:00)". */
  lines: string[];
}

const FONT_SIZE = 10;
const MIN_FONT_SIZE = 6;
const LINE_HEIGHT = 1.2;
const PADDING = 2;

/**
 * Writes the widget's Form XObject into `update`: signature image on top, the text lines centred in 10 pt
 * Tinos below it. `fontInDocument` finds the stamp font an earlier signature of the document wrote, by
 * its unique /BaseFont, so it is not written twice.
 */
export async function writeSignatureStamp(
  update: IncrementalUpdate,
  slot: SignatureSlot,
  appearance: SignatureAppearance,
  fontInDocument: (baseFont: string) => string | undefined,
): Promise<number> {
  const lines = appearance.lines.map((line) => line.normalize("NFC"));
  const { measure, template: fontTemplate, baseFont } = await stampFont(lines);
  const image = appearance.imagePng ? await stampImage(appearance.imagePng) : undefined;

  const ops: string[] = [];
  const textHeight = lines.length * FONT_SIZE * LINE_HEIGHT;
  const imageArea = { width: slot.width - 2 * PADDING, height: slot.height - textHeight - 2 * PADDING };
  if (image && imageArea.height > 0) ops.push(...drawImage(image, imageArea, textHeight + PADDING));

  // Text block sits at the bottom; without an image it is centred vertically.
  let baseline = (image ? textHeight + PADDING : (slot.height + textHeight) / 2) - FONT_SIZE;
  ops.push("BT", "0 g");
  for (const line of lines) {
    // Long unit names shrink rather than spill out of the box.
    const { width, encoded } = measure(line);
    const naturalWidth = (width * FONT_SIZE) / 1000;
    const size = Math.max(MIN_FONT_SIZE, Math.min(FONT_SIZE, (FONT_SIZE * (slot.width - 2 * PADDING)) / naturalWidth));
    const lineX = Math.max(PADDING, (slot.width - (naturalWidth * size) / FONT_SIZE) / 2);
    ops.push(`/F1 ${num(size)} Tf`, `1 0 0 1 ${num(lineX)} ${num(baseline)} Tm`, `${encoded} Tj`);
    baseline -= FONT_SIZE * LINE_HEIGHT;
  }
  ops.push("ET");

  const fontReference = fontInDocument(baseFont) ?? `${fontTemplate.writeTo(update)} 0 R`;
  const imageNumber = image?.template.writeTo(update);
  const xObject = imageNumber === undefined ? "" : ` /XObject << /Im1 ${imageNumber} 0 R >>`;
  const content = Buffer.from(ops.join("\n"), "latin1");
  const number = update.allocate();
  update.writeObject(
    number,
    `<< /Type /XObject /Subtype /Form /BBox [ 0 0 ${num(slot.width)} ${num(slot.height)} ] /Resources << /Font << /F1 ${fontReference} >>${xObject} >> /Length ${content.length} >>`,
    content,
  );
  return number;
}

function drawImage(image: { width: number; height: number }, area: { width: number; height: number }, bottom: number): string[] {
  const scale = Math.min(area.width / image.width, area.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const left = PADDING + (area.width - w) / 2;
  const lower = bottom + (area.height - h) / 2;
  return ["q", `${num(w)} 0 0 ${num(h)} ${num(left)} ${num(lower)} cm`, "/Im1 Do", "Q"];
}

/** A PDF number: at most three decimals, no exponent. */
export function num(value: number): string {
  return Number(value.toFixed(3)).toString();
}
