import type { PDFFont } from "@cantoo/pdf-lib";

// Shaping a word with fontkit is the costly part of measuring, and Vietnamese repeats its syllables a lot:
// widths are cached per face name (our faces have fixed names, lib/pdf/fonts.ts) at 1 pt, scaled on use.
const widths = new Map<string, Map<string, number>>();

export function measure(font: PDFFont, text: string, size: number): number {
  let cache = widths.get(font.name);
  if (!cache) widths.set(font.name, (cache = new Map()));
  let width = cache.get(text);
  if (width === undefined) cache.set(text, (width = font.widthOfTextAtSize(text, 1)));
  return width * size;
}

export type Line = { words: string[]; widths: number[]; width: number; last: boolean };

/** Greedy line breaking by measured width (fonts have no hyphenation for Vietnamese; words are short). */
export function breakLines(text: string, font: PDFFont, size: number, firstWidth: number, restWidth = firstWidth): Line[] {
  const space = measure(font, " ", size);
  const lines: Line[] = [];
  let current: Line = { words: [], widths: [], width: 0, last: false };
  for (const word of text.split(" ").filter(Boolean)) {
    const w = measure(font, word, size);
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
