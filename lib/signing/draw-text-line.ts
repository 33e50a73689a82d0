import { stampFont, type StampFace, type StampFont } from "./appearance-resources";
import { num, type SignatureSlot } from "./draw-signature-stamp";
import type { IncrementalUpdate } from "./incremental-update";

/** One line of document text a signature's revision fills in (the issuance's "Số: …" and date lines). */
export interface TextLineAppearance {
  text: string;
  /** Points; the line shrinks to fit the slot's width, never below `MIN_SIZE`. */
  size: number;
  face?: StampFace;
}

const MIN_SIZE = 8;

/**
 * Writes a widget's Form XObject with `appearance.text` centred in the slot, in the stamp's Tinos subset
 * (the signature stamp's font object, found or written once by `fontReference`). Returns its object number.
 */
export async function writeTextLine(
  update: IncrementalUpdate,
  slot: SignatureSlot,
  appearance: TextLineAppearance,
  fontReference: (font: StampFont) => string,
): Promise<number> {
  const text = appearance.text.normalize("NFC");
  const font = await stampFont([text], appearance.face);
  const { width, encoded } = font.measure(text);
  const size = Math.max(MIN_SIZE, Math.min(appearance.size, (1000 * slot.width) / width));
  const x = Math.max(0, (slot.width - (width * size) / 1000) / 2);
  // Baseline so the glyphs' body (about 0.7 em above it) sits centred in the slot.
  const baseline = Math.max(0, (slot.height - 0.7 * size) / 2);
  const content = Buffer.from(["BT", "0 g", `/F1 ${num(size)} Tf`, `1 0 0 1 ${num(x)} ${num(baseline)} Tm`, `${encoded} Tj`, "ET"].join("\n"), "latin1");
  const number = update.allocate();
  update.writeObject(
    number,
    `<< /Type /XObject /Subtype /Form /BBox [ 0 0 ${num(slot.width)} ${num(slot.height)} ] /Resources << /Font << /F1 ${fontReference(font)} >> >> /Length ${content.length} >>`,
    content,
  );
  return number;
}
