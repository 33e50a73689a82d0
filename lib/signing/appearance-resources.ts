import { PDFDocument, PDFObjectCopier, type PDFFont, type PDFRef } from "@cantoo/pdf-lib";
import fontkit from "@cantoo/fontkit";
import { createHash } from "node:crypto";
import { loadTinos } from "@/lib/pdf/fonts";
import { UnprintableTextError, unprintableCharacters } from "@/lib/pdf/printable-text";

/**
 * The stamp's font subset and signature image, built once in a private PDF and copied (compressed
 * streams and all) into each document signed. Subsetting and PNG decoding dominate the cost of a
 * signature; a chairperson countersigning a whole campaign reuses the same image and, because the
 * key is the character set plus all digits, the same font subset.
 */

const MAX_ENTRIES = 64;
const ALWAYS_INCLUDED = "0123456789:/()+ ";

interface Prepared<T> {
  doc: PDFDocument;
  resource: T;
}

const fonts = new Map<string, Promise<Prepared<PDFFont>>>();
const images = new Map<string, Promise<Prepared<{ ref: PDFRef; width: number; height: number }>>>();

/** A Tinos subset covering `lines` (UnprintableTextError for a character it lacks); measure and encode text with it, then `copyInto` the target document. */
export async function stampFont(lines: string[]): Promise<Prepared<PDFFont>> {
  // A name stored before input refused such characters must not lose letters on the stamp silently.
  const unprintable = unprintableCharacters(lines.join(""));
  if (unprintable.length > 0) throw new UnprintableTextError(unprintable);
  const characters = [...new Set(lines.join("") + ALWAYS_INCLUDED)].sort().join("");
  return cached(fonts, characters, async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    // A subset tag of its own so it never collides with the body text's Tinos subset.
    const tag = [...createHash("sha256").update(characters).digest().subarray(0, 6)]
      .map((byte) => String.fromCharCode(65 + (byte % 26)))
      .join("");
    const font = await doc.embedFont(loadTinos("regular"), { subset: true, customName: `${tag}+Tinos-Regular` });
    font.encodeText(characters); // fixes the subset's glyph set before it is embedded
    await doc.flush();
    return { doc, resource: font };
  });
}

export async function stampImage(png: Uint8Array): Promise<Prepared<{ ref: PDFRef; width: number; height: number }>> {
  const key = createHash("sha256").update(png).digest("hex");
  return cached(images, key, async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const image = await doc.embedPng(png);
    await doc.flush();
    return { doc, resource: { ref: image.ref, width: image.width, height: image.height } };
  });
}

/** Copies a prepared resource's object graph into `target` and returns its new reference there. */
export function copyInto(prepared: Prepared<{ ref: PDFRef }>, target: PDFDocument): PDFRef {
  const copier = PDFObjectCopier.for(prepared.doc.context, target.context);
  return target.context.register(copier.copy(prepared.doc.context.lookup(prepared.resource.ref)!));
}

function cached<T>(map: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let entry = map.get(key);
  if (!entry) {
    entry = create();
    entry.catch(() => map.delete(key));
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
    map.set(key, entry);
  }
  return entry;
}
