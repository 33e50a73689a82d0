import { readFileSync } from "node:fs";
import path from "node:path";
import type { PDFDocument, PDFFont } from "@cantoo/pdf-lib";
import fontkit, { type Font, type GlyphRun } from "@cantoo/fontkit";

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

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

// fontkit decodes a face's tables (cmap, glyf, GSUB/GPOS…) lazily and keeps them on the Font object, which is
// read-only afterwards; pdf-lib would parse every face again for every document. Sharing one parsed Font per
// file cuts that cost, while each document still builds its own subset (Font.createSubset()).
const parsed = new WeakMap<Uint8Array, Font>();

// pdf-lib shapes every string twice (to measure it, then to encode it) and a document repeats its syllables
// endlessly; a shaped run depends only on the text and the face, so runs are kept, up to a bound.
const MAX_RUNS_PER_FACE = 20_000;
function withRememberedRuns(font: Font): Font {
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text, ...options) => {
    if (options.some((o) => o != null)) return shape(text, ...options);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_RUNS_PER_FACE) runs.clear();
      runs.set(text, (run = shape(text)));
    }
    return run;
  };
  return font;
}

// Drawing a composite glyph (Ơ is O + horn) creates its components' Glyph objects with no code points, and
// fontkit caches glyphs by id, in the shared Font for good: a later "O" then reaches pdf-lib's ToUnicode map
// as nothing and pdftotext drops it from every document rendered after. A glyph asked for by character
// takes that character when its cached object has none.
type GlyphSource = { getGlyph(id: number, characters?: number[]): { codePoints: number[] } | null };
function withCodePointsKept(font: Font): Font {
  const glyphs = font as unknown as GlyphSource;
  const get = glyphs.getGlyph.bind(font);
  glyphs.getGlyph = (id, characters = []) => {
    const glyph = get(id, characters);
    if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = characters;
    return glyph;
  };
  return font;
}

const sharedFontkit: Fontkit = {
  // Our files are single faces, never collections, so there is no PostScript name to pick a face by.
  create(bytes) {
    let font = parsed.get(bytes);
    if (!font) parsed.set(bytes, (font = withRememberedRuns(withCodePointsKept(fontkit.create(bytes) as Font))));
    return font;
  },
};

/** Embeds one Tinos face as a subset into `doc`. */
export function embedTinos(doc: PDFDocument, face: TinosFace): Promise<PDFFont> {
  doc.registerFontkit(sharedFontkit);
  return doc.embedFont(loadTinos(face), { subset: true, customName: SUBSET_NAMES[face] });
}
