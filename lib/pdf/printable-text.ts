import type { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";

/**
 * What the PDF can print: the code points the embedded Tinos subset has a glyph for, in every face
 * (scripts/subset-fonts.sh; printable-text.test.ts checks this list against the font files). A
 * character outside it would be drawn as the empty .notdef glyph, i.e. silently vanish from a
 * document someone signs, so input is refused (printableText) and the renderer refuses it too.
 * Pure data, no font loading: the schemas that use it also run in the browser.
 */
const FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1
  [0x0102, 0x0103], // Ă ă
  [0x0110, 0x0111], // Đ đ
  [0x0128, 0x0129], // Ĩ ĩ
  [0x0168, 0x0169], // Ũ ũ
  [0x01a0, 0x01a1], // Ơ ơ
  [0x01af, 0x01b0], // Ư ư
  [0x0300, 0x0303], // combining grave, acute, circumflex, tilde
  [0x0309, 0x0309], // combining hook above
  [0x0323, 0x0323], // combining dot below
  [0x1ea0, 0x1ef9], // Vietnamese precomposed letters
  [0x2010, 0x203a], // dashes, quotes, bullets, ‰, ‹ ›
  [0x20ab, 0x20ab], // ₫
  [0x2116, 0x2116], // №
];

// Control, format (bidi overrides, zero-width), private-use and unassigned characters, and the line and
// paragraph separators print nothing useful even where the font maps them, so they are never printable.
const NEVER_PRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

export function isPrintable(character: string): boolean {
  const codePoint = character.codePointAt(0)!;
  return !NEVER_PRINTABLE.test(character) && FONT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The distinct characters of `text` the PDF cannot print, in order of first appearance. */
export function unprintableCharacters(text: string): string[] {
  return [...new Set(Array.from(text).filter((c) => !isPrintable(c)))];
}

/** "😀 (U+1F600), U+0000": visible characters as themselves, invisible ones only by their code point. */
export function describeCharacters(characters: readonly string[]): string {
  return characters
    .map((c) => {
      const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      return /[\p{C}\p{Z}\p{M}]/u.test(c) ? code : `${c} (${code})`;
    })
    .join(", ");
}

/** Thrown by the renderer, never a silent drop; callers word it with common.printable.unprintable. */
export class UnprintableTextError extends Error {
  override name = "UnprintableTextError";
  constructor(readonly characters: readonly string[]) {
    super(`Text contains characters the PDF font cannot print: ${describeCharacters(characters)}`);
  }
}

/** The one input rule (unit name, full name, job title, template text): refuses what the PDF cannot print, naming it. */
export function refinePrintable(value: string, ctx: z.RefinementCtx): void {
  const characters = unprintableCharacters(value);
  if (characters.length > 0) {
    ctx.addIssue({ code: "custom", message: messageRef("common.printable.unprintable", { characters: describeCharacters(characters) }) });
  }
}
