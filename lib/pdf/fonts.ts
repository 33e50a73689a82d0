import { readFileSync } from "node:fs";
import path from "node:path";
import type { PDFDocument, PDFFont } from "@cantoo/pdf-lib";
import fontkit from "@cantoo/fontkit";

export type TinosFace = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<TinosFace, string> = {
  regular: "tinos-regular.ttf",
  bold: "tinos-bold.ttf",
  italic: "tinos-italic.ttf",
  boldItalic: "tinos-bold-italic.ttf",
};

// A six-letter tag + "+" marks an embedded subset (what pdffonts reports as "sub yes"); fixed, so renders
// stay byte-for-byte deterministic.
const SUBSET_NAMES: Record<TinosFace, string> = {
  regular: "CKTNSR+Tinos-Regular",
  bold: "CKTNSB+Tinos-Bold",
  italic: "CKTNSI+Tinos-Italic",
  boldItalic: "CKTNSZ+Tinos-BoldItalic",
};

const cache = new Map<TinosFace, Uint8Array>();

/** Tinos (metric-compatible with Times New Roman), pre-subset to Latin + Vietnamese by scripts/subset-fonts.sh. */
export function loadTinos(face: TinosFace): Uint8Array {
  let bytes = cache.get(face);
  if (!bytes) {
    // Relative to the working directory: the same under tsx, vitest and the Next.js server
    // (next.config.ts traces lib/pdf/fonts into production builds).
    bytes = new Uint8Array(readFileSync(path.join(process.cwd(), "lib/pdf/fonts", FILES[face])));
    cache.set(face, bytes);
  }
  return bytes;
}

/** Embeds one Tinos face as a subset into `doc`. */
export function embedTinos(doc: PDFDocument, face: TinosFace): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(loadTinos(face), { subset: true, customName: SUBSET_NAMES[face] });
}
