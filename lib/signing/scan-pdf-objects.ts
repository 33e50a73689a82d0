import { inflateSync } from "node:zlib";
import { parsePdfValue, type PdfValue } from "./pdf-dictionary";

/**
 * Every "n g obj … endobj" in a PDF, in file order, found in one linear pass that skips stream data (by a
 * direct /Length, else to "endstream") so that bytes inside a stream are never taken for an object. This
 * is what lets the verifier see which objects each incremental update (re)defines.
 */

export interface PdfObjectEntry {
  number: number;
  /** Offset of the "n g obj" header. */
  start: number;
  /** Where the object's value starts (after "obj"). */
  bodyStart: number;
  /** Where its dictionary ends: the "stream" keyword for a stream, else "endobj". */
  bodyEnd: number;
  /** The raw stream data (latin1), for streams. */
  streamData?: string;
  /** Offset just after "endobj" (or where scanning gave up on this object). */
  end: number;
  /** For an object stored in an object stream: the decompressed stream its offsets are in. */
  source?: string;
  /** An object stream that could not be decompressed: the objects it defines are unknown. */
  unreadable?: boolean;
}

export interface PdfObjectIndex {
  text: string;
  entries: PdfObjectEntry[];
  /** For each object number, its definitions' indexes in `entries`, ascending by offset. */
  byNumber: Map<number, number[]>;
}

const HEADER = /(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![A-Za-z])/g;
/** Decoded stream bytes read at most (q/Q wrappers are two bytes; nothing bigger needs decoding). */
const MAX_DECODED_BYTES = 4096;

/** A commitment has under a hundred objects; a file with more than this is refused as too complex. */
const MAX_OBJECTS = 200_000;
/** Decompressed object-stream bytes per file, all streams together (a zip bomb stops here). */
const MAX_OBJECT_STREAM_BYTES = 32 * 1024 * 1024;

/** `onTooComplex` is called (and must throw) when the file holds more objects than is sane to compare. */
export function indexPdfObjects(text: string, checkDeadline: () => void, onTooComplex: () => never): PdfObjectIndex {
  const entries: PdfObjectEntry[] = [];
  const byNumber = new Map<number, number[]>();
  const budget = { bytes: MAX_OBJECT_STREAM_BYTES };
  const add = (entry: PdfObjectEntry) => {
    if (entries.length >= MAX_OBJECTS) onTooComplex();
    const definitions = byNumber.get(entry.number);
    if (definitions) definitions.push(entries.length);
    else byNumber.set(entry.number, [entries.length]);
    entries.push(entry);
  };
  // indexOf from each object would rescan to the end when a keyword is absent (quadratic on a crafted
  // file); each keyword's next position is remembered instead, and positions only move forward.
  const next = new Map<string, number>();
  const nextOf = (needle: string, from: number) => {
    const known = next.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(needle, from);
    next.set(needle, found);
    return found;
  };
  HEADER.lastIndex = 0;
  for (let match = HEADER.exec(text); match; match = HEADER.exec(text)) {
    if (entries.length % 1024 === 0) checkDeadline();
    const bodyStart = match.index + match[0].length;
    const endobj = nextOf("endobj", bodyStart);
    const streamAt = nextOf("stream", bodyStart);
    let bodyEnd = endobj < 0 ? text.length : endobj;
    let streamData: string | undefined;
    let end = endobj < 0 ? text.length : endobj + 6;
    if (streamAt >= 0 && (endobj < 0 || streamAt < endobj)) {
      bodyEnd = streamAt;
      const dataStart = streamAt + 6 + (text.startsWith("\r\n", streamAt + 6) ? 2 : text[streamAt + 6] === "\n" ? 1 : 0);
      const length = /\/Length[\0\t\n\f\r ]+(\d{1,10})(?![\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+R)/.exec(text.slice(bodyStart, streamAt))?.[1];
      const declaredEnd = length === undefined ? -1 : dataStart + Number(length);
      const dataEnd = declaredEnd >= 0 && /^\s*endstream/.test(text.slice(declaredEnd, declaredEnd + 16)) ? declaredEnd : nextOf("endstream", dataStart);
      streamData = text.slice(dataStart, dataEnd < 0 ? text.length : dataEnd);
      const after = dataEnd < 0 ? -1 : nextOf("endobj", dataEnd);
      end = after < 0 ? text.length : after + 6;
    }
    const entry: PdfObjectEntry = { number: Number(match[1]), start: match.index, bodyStart, bodyEnd, streamData, end };
    add(entry);
    if (streamData !== undefined && /\/Type[\0\t\n\f\r ]*\/ObjStm(?![A-Za-z])/.test(text.slice(bodyStart, bodyEnd))) {
      // Compressed objects count as defined where their object stream is, i.e. in that stream's update.
      const unpacked = unpackObjectStream(text.slice(bodyStart, bodyEnd), streamData, budget);
      if (!unpacked) entry.unreadable = true;
      for (const inner of unpacked ?? []) add({ ...inner, start: entry.start, end: entry.end });
    }
    HEADER.lastIndex = Math.max(end, HEADER.lastIndex);
  }
  return { text, entries, byNumber };
}

export type CompressedObject = Pick<PdfObjectEntry, "number" | "bodyStart" | "bodyEnd" | "source">;

/** The objects an object stream holds (ISO 32000 7.5.7), or undefined when it cannot be decompressed within budget. */
export function unpackObjectStream(dictionary: string, data: string, budget: { bytes: number }): CompressedObject[] | undefined {
  const filter = /\/Filter[\0\t\n\f\r ]*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary)?.[1]?.replace(/[[\]\s]/g, "");
  const count = Number(/\/N[\0\t\n\f\r ]+(\d{1,7})/.exec(dictionary)?.[1]);
  const first = Number(/\/First[\0\t\n\f\r ]+(\d{1,10})/.exec(dictionary)?.[1]);
  if ((filter !== undefined && filter !== "/FlateDecode") || /\/DecodeParms/.test(dictionary) || !(count >= 0) || !(first >= 0)) return undefined;
  let source: string;
  try {
    const raw = Buffer.from(data, "latin1");
    const decoded = filter ? inflateSync(raw, { maxOutputLength: Math.max(1, budget.bytes) }) : raw;
    budget.bytes -= decoded.length;
    source = decoded.toString("latin1");
  } catch {
    return undefined;
  }
  const pairs = source.slice(0, first).trim().split(/\s+/).slice(0, count * 2).map(Number);
  const objects: CompressedObject[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const bodyStart = first + pairs[i + 1]!;
    const next = pairs[i + 3];
    const bodyEnd = next === undefined ? source.length : first + next;
    if (!Number.isInteger(pairs[i]) || !(bodyStart <= bodyEnd && bodyEnd <= source.length)) return undefined;
    objects.push({ number: pairs[i]!, bodyStart, bodyEnd, source });
  }
  return objects;
}

/** The last definition of object `number` that starts before `before`. */
export function definitionBefore(index: PdfObjectIndex, number: number, before: number): PdfObjectEntry | undefined {
  const positions = index.byNumber.get(number) ?? [];
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (index.entries[positions[mid]!]!.start < before) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? index.entries[positions[low - 1]!] : undefined;
}

const parsed = new WeakMap<PdfObjectEntry, PdfValue | null>();

/** The object's value (dictionary entries for a dictionary or a stream's dictionary); cached. */
export function valueOf(index: PdfObjectIndex, entry: PdfObjectEntry): PdfValue | undefined {
  if (!parsed.has(entry)) parsed.set(entry, parsePdfValue(entry.source ?? index.text, entry.bodyStart, entry.bodyEnd) ?? null);
  return parsed.get(entry) ?? undefined;
}

/** A short stream's decoded content (FlateDecode or none), or undefined when it is longer or unreadable. */
export function decodedStream(index: PdfObjectIndex, entry: PdfObjectEntry): string | undefined {
  if (entry.streamData === undefined) return undefined;
  const filter = valueOf(index, entry)?.entries.get("Filter");
  const raw = Buffer.from(entry.streamData, "latin1");
  try {
    if (filter === undefined) return raw.length <= MAX_DECODED_BYTES ? raw.toString("latin1") : undefined;
    if (filter !== "/FlateDecode" && filter !== "[ /FlateDecode ]") return undefined;
    return inflateSync(raw, { maxOutputLength: MAX_DECODED_BYTES }).toString("latin1");
  } catch {
    return undefined;
  }
}
