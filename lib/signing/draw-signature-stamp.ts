import { stampFont, stampImage, type StampFace, type StampFont } from "./appearance-resources";
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
  /** The hand-drawn signature (already blue), scaled into the space between the lines above and below it. */
  imagePng?: Uint8Array;
  /** Bold 13 pt lines at the top: the authority when signing on behalf ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  heading?: string[];
  /** Bold 13 pt under the image: the signer's full name (App. I ô 7c). */
  name?: string;
  /** Small lines at the bottom: "Ký số: hh:mm:ss dd/mm/yyyy (+07:00)". */
  lines: string[];
}

const BOLD_SIZE = 13;
const SMALL_SIZE = 8.5;
const MIN_FONT_SIZE = 6;
const LINE_HEIGHT = 1.2;
const PADDING = 2;

type StampLine = { text: string; face: StampFace; size: number };

/**
 * Writes the widget's Form XObject into `update`, top to bottom: the authority lines, the signature image,
 * the signer's name, the small lines, all centred in Tinos. `fontInDocument` finds a stamp font an earlier
 * signature of the document wrote, by its unique /BaseFont, so it is not written twice.
 */
export async function writeSignatureStamp(
  update: IncrementalUpdate,
  slot: SignatureSlot,
  appearance: SignatureAppearance,
  fontInDocument: (baseFont: string) => string | undefined,
): Promise<number> {
  const bold = (text: string): StampLine => ({ text: text.normalize("NFC"), face: "bold", size: BOLD_SIZE });
  const above = (appearance.heading ?? []).map(bold);
  const below = [
    ...(appearance.name ? [bold(appearance.name)] : []),
    ...appearance.lines.map((text): StampLine => ({ text: text.normalize("NFC"), face: "regular", size: SMALL_SIZE })),
  ];
  const fonts = await stampFonts([...above, ...below]);
  const image = appearance.imagePng ? await stampImage(appearance.imagePng) : undefined;

  const heightOf = (lines: StampLine[]) => lines.reduce((h, l) => h + l.size * LINE_HEIGHT, 0);
  const [aboveHeight, belowHeight] = [heightOf(above), heightOf(below)];
  const ops: string[] = [];
  const imageArea = { width: slot.width - 2 * PADDING, height: slot.height - aboveHeight - belowHeight - 2 * PADDING };
  if (image && imageArea.height > 0) ops.push(...drawImage(image, imageArea, belowHeight + PADDING));

  ops.push("BT", "0 g");
  // The authority from the top; name and small lines at the bottom, or centred vertically without an image.
  ops.push(...drawLines(above, fonts, slot.width, slot.height - PADDING));
  ops.push(...drawLines(below, fonts, slot.width, image ? belowHeight + PADDING : (slot.height + belowHeight) / 2));
  ops.push("ET");

  const fontEntries = [...fonts].map(([face, font]) => `/${FONT_RESOURCE[face]} ${fontInDocument(font.baseFont) ?? `${font.template.writeTo(update)} 0 R`}`);
  const imageNumber = image?.template.writeTo(update);
  const xObject = imageNumber === undefined ? "" : ` /XObject << /Im1 ${imageNumber} 0 R >>`;
  const content = Buffer.from(ops.join("\n"), "latin1");
  const number = update.allocate();
  update.writeObject(
    number,
    `<< /Type /XObject /Subtype /Form /BBox [ 0 0 ${num(slot.width)} ${num(slot.height)} ] /Resources << /Font << ${fontEntries.join(" ")} >>${xObject} >> /Length ${content.length} >>`,
    content,
  );
  return number;
}

const FONT_RESOURCE: Record<StampFace, string> = { regular: "F1", bold: "F2", italic: "F3" };

/** One subset per face the lines use. */
async function stampFonts(lines: StampLine[]): Promise<Map<StampFace, StampFont>> {
  const fonts = new Map<StampFace, StampFont>();
  for (const face of ["regular", "bold", "italic"] as const) {
    const texts = lines.filter((l) => l.face === face).map((l) => l.text);
    if (texts.length > 0) fonts.set(face, await stampFont(texts, face));
  }
  return fonts;
}

/** `lines` centred across `width`, the first line's top at `top`; a line too long shrinks rather than spills. */
function drawLines(lines: StampLine[], fonts: Map<StampFace, StampFont>, width: number, top: number): string[] {
  const ops: string[] = [];
  let y = top;
  for (const line of lines) {
    y -= line.size * LINE_HEIGHT;
    const { width: measured, encoded } = fonts.get(line.face)!.measure(line.text);
    const naturalWidth = (measured * line.size) / 1000;
    const size = Math.max(MIN_FONT_SIZE, Math.min(line.size, (line.size * (width - 2 * PADDING)) / naturalWidth));
    const lineX = Math.max(PADDING, (width - (naturalWidth * size) / line.size) / 2);
    // The baseline sits a quarter of the size above the line's bottom, leaving room for descenders and dots below.
    ops.push(`/${FONT_RESOURCE[line.face]} ${num(size)} Tf`, `1 0 0 1 ${num(lineX)} ${num(y + line.size * 0.25)} Tm`, `${encoded} Tj`);
  }
  return ops;
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
