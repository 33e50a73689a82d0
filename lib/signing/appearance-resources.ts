import { PDFArray, PDFDict, PDFDocument, PDFRef, PDFStream, type PDFContext, type PDFFont, type PDFObject } from "@cantoo/pdf-lib";
import fontkit from "@cantoo/fontkit";
import { createHash } from "node:crypto";
import { loadTinos } from "@/lib/pdf/fonts";
import { UnprintableTextError, unprintableCharacters } from "@/lib/pdf/printable-text";
import type { IncrementalUpdate } from "./incremental-update";

/**
 * The stamp's font subset and signature image, built once with pdf-lib in a private PDF and kept as
 * serialised objects (compressed streams and all) that each signature writes out under fresh object
 * numbers. Subsetting took 11 ms, more than all the rest of a signature: a subset per signer's character
 * set meant one per head on deadline day. The subset is now every character Vietnamese text is written
 * with (~20 KB), built once per process; a later signature on the same document reuses the object the
 * first one wrote (see `baseFont`), so a document carries it once. A name with a character beyond that set
 * (a foreign name Tinos can print) still gets a subset of its own.
 */

const MAX_ENTRIES = 64;
const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const VIETNAMESE = [..."aăâeêioôơuưy"].flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize("NFC"))).join("") + "đ";
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const STAMP_CHARACTERS = new Set(ASCII + VIETNAMESE + VIETNAMESE.toUpperCase());
/** Measured and encoded lines kept per font: a chairperson's name, title and unit repeat on every stamp. */
const MAX_LINES = 256;

/** One object of a resource: PDF syntax with references left as private object numbers, plus stream data. */
interface ObjectTemplate {
  number: number;
  parts: (string | number)[];
  stream?: Uint8Array;
}

/** A resource's object graph, serialised once; `writeTo` renumbers it into an update. */
export class ResourceTemplate {
  constructor(
    private readonly root: number,
    private readonly objects: ObjectTemplate[],
  ) {}

  /** Writes every object of the resource as a new object of `update`; returns the root's new number. */
  writeTo(update: IncrementalUpdate): number {
    const numbers = new Map(this.objects.map((object) => [object.number, update.allocate()]));
    for (const object of this.objects) {
      const body = object.parts.map((part) => (typeof part === "number" ? `${numbers.get(part)} 0 R` : part)).join("");
      update.writeObject(numbers.get(object.number)!, body, object.stream);
    }
    return numbers.get(this.root)!;
  }
}

export interface StampFont {
  /** A line's width at 1000 pt and its text as a hex string of glyph ids, for the content stream. */
  measure(line: string): { width: number; encoded: string };
  template: ResourceTemplate;
  /** The subset's unique /BaseFont: a document that already has this font object can point at it. */
  baseFont: string;
}

export interface StampImage {
  width: number;
  height: number;
  template: ResourceTemplate;
}

const fonts = new Map<string, Promise<StampFont>>();
const images = new Map<string, Promise<StampImage>>();

/**
 * The stamp's faces: regular for its small lines, bold for the signer's name and authority (App. I ô 7), italic
 * for the issuance date the organisation's revision prints in ô 4 (App. I §II.4).
 */
export type StampFace = "regular" | "bold" | "italic";
const FACE_NAMES: Record<StampFace, string> = { regular: "Tinos-Regular", bold: "Tinos-Bold", italic: "Tinos-Italic" };

/** A Tinos subset of `face` covering `lines` (UnprintableTextError for a character it lacks). */
export async function stampFont(lines: string[], face: StampFace = "regular"): Promise<StampFont> {
  const text = lines.join("");
  const beyond = [...text].filter((c) => !STAMP_CHARACTERS.has(c));
  // A name stored before input refused such characters must not lose letters on the stamp silently.
  const unprintable = unprintableCharacters(beyond.join(""));
  if (unprintable.length > 0) throw new UnprintableTextError(unprintable);
  const characters = [...new Set([...STAMP_CHARACTERS, ...beyond])].sort().join("");
  return cached(fonts, `${face}:${characters}`, async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    // A subset tag of its own so it never collides with the body text's Tinos subset. The regular face keeps the
    // tag it had before the bold one existed, so a document signed then still shares its font object.
    const tag = [...createHash("sha256").update(face === "regular" ? characters : `${face}:${characters}`).digest().subarray(0, 6)]
      .map((byte) => String.fromCharCode(65 + (byte % 26)))
      .join("");
    const baseFont = `${tag}+${FACE_NAMES[face]}`;
    const font = await doc.embedFont(loadTinos(face), { subset: true, customName: baseFont });
    font.encodeText(characters); // fixes the subset's glyph set before it is embedded
    await doc.flush();
    return { measure: measurer(font), template: templateOf(doc.context, font.ref), baseFont };
  });
}

export async function stampImage(png: Uint8Array): Promise<StampImage> {
  const key = createHash("sha256").update(png).digest("hex");
  return cached(images, key, async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const image = await doc.embedPng(png);
    await doc.flush();
    return { width: image.width, height: image.height, template: templateOf(doc.context, image.ref) };
  });
}

/** fontkit's shaping is most of a stamp's remaining cost; a line measured once is not shaped again. */
function measurer(font: PDFFont): StampFont["measure"] {
  const lines = new Map<string, { width: number; encoded: string }>();
  return (line) => {
    let measured = lines.get(line);
    if (!measured) {
      measured = { width: font.widthOfTextAtSize(line, 1000), encoded: font.encodeText(line).toString() };
      if (lines.size >= MAX_LINES) lines.delete(lines.keys().next().value!);
      lines.set(line, measured);
    }
    return measured;
  };
}

/** Serialises the objects reachable from `root`, references kept as placeholders. */
function templateOf(context: PDFContext, root: PDFRef): ResourceTemplate {
  const objects: ObjectTemplate[] = [];
  const queued = new Set([root.objectNumber]);
  const pending = [root];
  const serialise = (value: PDFObject, parts: (string | number)[]) => {
    if (value instanceof PDFRef) {
      parts.push(value.objectNumber);
      if (!queued.has(value.objectNumber)) {
        queued.add(value.objectNumber);
        pending.push(value);
      }
    } else if (value instanceof PDFDict) {
      parts.push("<<");
      for (const [key, entry] of value.entries()) {
        parts.push(` ${key.toString()} `);
        serialise(entry, parts);
      }
      parts.push(" >>");
    } else if (value instanceof PDFArray) {
      parts.push("[");
      for (const entry of value.asArray()) {
        parts.push(" ");
        serialise(entry, parts);
      }
      parts.push(" ]");
    } else {
      parts.push(value.toString());
    }
  };
  for (let ref = pending.shift(); ref; ref = pending.shift()) {
    const value = context.lookup(ref);
    if (!value) throw new Error(`Stamp resource object ${ref.objectNumber} is missing`);
    const parts: (string | number)[] = [];
    if (value instanceof PDFStream) {
      value.updateDict(); // sets /Length for the contents as written
      serialise(value.dict, parts);
      objects.push({ number: ref.objectNumber, parts, stream: value.getContents() });
    } else {
      serialise(value, parts);
      objects.push({ number: ref.objectNumber, parts });
    }
  }
  return new ResourceTemplate(root.objectNumber, objects);
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
