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

/** `onTooComplex` is called (and must throw) when the file holds more objects than is sane to compare. */
export function indexPdfObjects(text: string, checkDeadline: () => void, onTooComplex: () => never): PdfObjectIndex {
  const entries: PdfObjectEntry[] = [];
  const byNumber = new Map<number, number[]>();
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
    if (entries.length >= MAX_OBJECTS) onTooComplex();
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
    const number = Number(match[1]);
    const definitions = byNumber.get(number);
    if (definitions) definitions.push(entries.length);
    else byNumber.set(number, [entries.length]);
    entries.push({ number, start: match.index, bodyStart, bodyEnd, streamData, end });
    HEADER.lastIndex = Math.max(end, HEADER.lastIndex);
  }
  return { text, entries, byNumber };
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
  if (!parsed.has(entry)) parsed.set(entry, parsePdfValue(index.text, entry.bodyStart, entry.bodyEnd) ?? null);
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
