import type { PDFFont } from "@cantoo/pdf-lib";

export type Line = { words: string[]; widths: number[]; width: number; last: boolean };

/** Greedy line breaking by measured width (shaping is cached per face in lib/pdf/fonts.ts) (fonts have no hyphenation for Vietnamese; words are short). */
export function breakLines(text: string, font: PDFFont, size: number, firstWidth: number, restWidth = firstWidth): Line[] {
  const space = font.widthOfTextAtSize(" ", size);
  const lines: Line[] = [];
  let current: Line = { words: [], widths: [], width: 0, last: false };
  for (const word of text.split(" ").filter(Boolean)) {
    const w = font.widthOfTextAtSize(word, size);
    const limit = lines.length === 0 ? firstWidth : restWidth;
    const next = current.words.length === 0 ? w : current.width + space + w;
    if (current.words.length > 0 && next > limit) {
      lines.push(current);
      current = { words: [word], widths: [w], width: w, last: false };
    } else {
      current.words.push(word);
      current.widths.push(w);
      current.width = next;
    }
  }
  current.last = true;
  lines.push(current);
  return lines;
}
