import { inlineDictionary, parsePdfValue, referenceOf, referencesIn, type PdfValue } from "./pdf-dictionary";
import { readXrefStream, readXrefTables } from "./read-cross-references";
import { unpackObjectStream, type CompressedObject } from "./scan-pdf-objects";
import { UnsignablePdfError } from "./unsignable-pdf-error";

/**
 * Reads a PDF the way an incremental update needs it, and no further: the last trailer, the cross-reference
 * sections it chains to, and the few objects the caller asks for (catalog, one page, the AcroForm), each
 * parsed where the cross-reference says it is. Nothing else in the file is decoded, so signing a 2 MB PDF
 * costs about what signing a 20 KB one does. Anything that does not read exactly is refused, not repaired.
 */

export interface PdfObject {
  number: number;
  generation: number;
  value: PdfValue;
}

type Location = { type: 1; offset: number } | { type: 2; stream: number };
interface Section {
  trailer: Map<string, string>;
  rows: [number, Location][];
  stream: boolean;
}

/** Sections followed through /Prev (one per earlier incremental update). */
const MAX_SECTIONS = 1_000;
/** Page-tree nodes read while looking for a page. */
const MAX_PAGE_NODES = 20_000;
const MAX_PAGE_TREE_DEPTH = 64;
/** Fields whose names are compared with the new one. */
const MAX_FIELDS = 10_000;
/** Bytes read around an object at first; a larger object widens the window. */
const WINDOW = 2_048;
const OBJECT_STREAM_BUDGET = 32 * 1024 * 1024;

const damaged = (detail: string) => new UnsignablePdfError("damaged", detail);

export class PdfForUpdate {
  readonly bytes: Buffer;
  /** Offset of the newest cross-reference section: the update's /Prev. */
  readonly startxref: number;
  /** The newest section is a cross-reference stream, so the update writes one too. */
  readonly xrefStream: boolean;
  /** The newest trailer (or cross-reference stream dictionary). */
  readonly trailer: Map<string, string>;
  /** First object number free for new objects. */
  readonly size: number;
  private readonly locations = new Map<number, Location>();
  private readonly objects = new Map<number, PdfObject | null>();
  private readonly objectStreams = new Map<number, CompressedObject[]>();
  private readonly budget = { bytes: OBJECT_STREAM_BUDGET };

  constructor(pdf: Uint8Array) {
    this.bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    this.startxref = this.findStartxref();
    const newest = this.readSection(this.startxref);
    this.trailer = newest.trailer;
    this.xrefStream = newest.stream;
    if (this.trailer.has("Encrypt")) throw new UnsignablePdfError("encrypted", "the file is encrypted");
    if (referenceOf(this.trailer.get("Root")) === undefined) throw damaged("the trailer names no catalog");
    this.size = Number(this.trailer.get("Size"));
    if (!Number.isInteger(this.size) || this.size < 1) throw damaged("the trailer has no valid /Size");
    this.readSectionChain(newest);
  }

  /** The object as the newest revision defines it; undefined when the file does not define it. */
  object(number: number | undefined): PdfObject | undefined {
    if (number === undefined) return undefined;
    let object = this.objects.get(number);
    if (object === undefined) {
      object = this.load(number) ?? null;
      this.objects.set(number, object);
    }
    return object ?? undefined;
  }

  catalog(): PdfObject {
    const catalog = this.object(referenceOf(this.trailer.get("Root")));
    if (catalog?.value.kind !== "dict") throw damaged("the catalog is missing");
    return catalog;
  }

  /** A dictionary entry's value as a dictionary: inline, or the object it references (with that object). */
  dictionary(value: string | undefined): { object?: PdfObject; entries: Map<string, string> } | undefined {
    const inline = inlineDictionary(value);
    if (inline) return { entries: inline };
    const object = this.object(referenceOf(value));
    return object?.value.kind === "dict" ? { object, entries: object.value.entries } : undefined;
  }

  /** The references of an array value, inline or held by the array object it references. */
  references(value: string | undefined): number[] {
    const object = this.object(referenceOf(value));
    return referencesIn(object?.value.kind === "array" ? object.value.normalized : value);
  }

  /** The page at 0-based `index`, found by descending the page tree by /Count. */
  page(index: number): PdfObject {
    let node = this.object(referenceOf(this.catalog().value.entries.get("Pages")));
    let remaining = index;
    let read = 0;
    const visited = new Set<number>();
    for (let depth = 0; node && depth < MAX_PAGE_TREE_DEPTH; depth++) {
      if (visited.has(node.number)) throw damaged("the page tree has a cycle");
      visited.add(node.number);
      const entries = node.value.entries;
      if (entries.get("Type") === "/Page" || !entries.has("Kids")) {
        if (remaining === 0) return node;
        break;
      }
      let next: PdfObject | undefined;
      for (const kid of this.references(entries.get("Kids"))) {
        if (++read > MAX_PAGE_NODES) throw new UnsignablePdfError("too-complex", "the page tree is too large");
        const child = this.object(kid);
        if (!child) throw damaged(`page tree node ${kid} is missing`);
        const isTree = child.value.entries.get("Type") === "/Pages" || child.value.entries.has("Kids");
        const count = isTree ? Number(child.value.entries.get("Count")) : 1;
        if (!Number.isInteger(count) || count < 0) throw damaged(`page tree node ${kid} has no valid /Count`);
        if (remaining < count) {
          next = child;
          break;
        }
        remaining -= count;
      }
      node = next;
    }
    throw new UnsignablePdfError("no-such-page", `the document has no page ${index + 1}`);
  }

  /** The field dictionaries the AcroForm's /Fields names (top level; camket's signature fields are). */
  fieldObjects(fields: number[]): PdfObject[] {
    if (fields.length > MAX_FIELDS) throw new UnsignablePdfError("too-complex", "the form has too many fields");
    return fields.flatMap((field) => this.object(field) ?? []);
  }

  private findStartxref(): number {
    const tailStart = Math.max(0, this.bytes.length - 1_024);
    const tail = this.bytes.toString("latin1", tailStart);
    const at = tail.lastIndexOf("startxref");
    const match = at < 0 ? null : /^startxref[\0\t\n\f\r ]+(\d{1,10})/.exec(tail.slice(at));
    if (!match || !tail.includes("%%EOF", at)) throw damaged("the file ends without startxref and %%EOF (truncated?)");
    const offset = Number(match[1]);
    if (offset >= tailStart + at) throw damaged("startxref points past the end of the file");
    return offset;
  }

  private readSectionChain(newest: Section): void {
    const seen = new Set([this.startxref]);
    let section: Section | undefined = newest;
    while (section) {
      this.record(section.rows);
      // A hybrid file's table leaves objects in object streams to the stream its /XRefStm names.
      const hybrid = section.trailer.get("XRefStm");
      if (hybrid !== undefined) this.record(this.readSection(this.offsetOf(hybrid, seen)).rows);
      const previous = section.trailer.get("Prev");
      section = previous === undefined ? undefined : this.readSection(this.offsetOf(previous, seen));
      if (seen.size > MAX_SECTIONS) throw new UnsignablePdfError("too-complex", "too many incremental updates");
    }
  }

  private offsetOf(value: string, seen: Set<number>): number {
    const offset = Number(value);
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.bytes.length) throw damaged("a cross-reference offset is outside the file");
    if (seen.has(offset)) throw damaged("the cross-reference sections form a loop");
    seen.add(offset);
    return offset;
  }

  /** Newer sections are recorded first, so the first location seen for a number is the current one. */
  private record(rows: [number, Location][]): void {
    for (const [number, location] of rows) if (!this.locations.has(number)) this.locations.set(number, location);
  }

  private readSection(offset: number): Section {
    const rows: [number, Location][] = [];
    if (this.bytes.toString("latin1", offset, offset + 4) === "xref") {
      const trailerAt = this.bytes.indexOf("trailer", offset, "latin1");
      if (trailerAt < 0) throw damaged("a cross-reference table has no trailer");
      for (const row of readXrefTables(this.bytes.toString("latin1", offset, trailerAt + 7))) {
        // Free rows are skipped: an older section cannot define an object a newer one freed and reused.
        if (row.type !== 1) continue;
        rows.push([row.number, { type: 1, offset: row.field2 }]);
      }
      const end = this.bytes.indexOf("startxref", trailerAt, "latin1");
      const text = this.bytes.toString("latin1", trailerAt + 7, end < 0 ? Math.min(this.bytes.length, trailerAt + 65_536) : end);
      const trailer = parsePdfValue(text, 0, text.length);
      if (trailer?.kind !== "dict") throw damaged("a trailer is unreadable");
      return { trailer: trailer.entries, rows, stream: false };
    }
    const { object, streamData } = this.readObjectAt(offset, undefined, true);
    const entries = object.value.entries;
    const streamRows = entries.get("Type") === "/XRef" ? readXrefStream(entries, streamData ?? "") : undefined;
    if (!streamRows) throw damaged("startxref or /Prev does not point at a cross-reference section");
    for (const row of streamRows) {
      if (row.type === 0) continue;
      rows.push([row.number, row.type === 1 ? { type: 1, offset: row.field2 } : { type: 2, stream: row.field2 }]);
    }
    return { trailer: entries, rows, stream: true };
  }

  private load(number: number): PdfObject | undefined {
    const location = this.locations.get(number);
    if (!location) return undefined;
    if (location.type === 1) return this.readObjectAt(location.offset, number, false).object;
    let members = this.objectStreams.get(location.stream);
    if (!members) {
      const { text, object, streamData } = this.readObjectAt(this.locationOf(location.stream), location.stream, true);
      members = object.value.entries.get("Type") === "/ObjStm" ? unpackObjectStream(text.dictionary, streamData ?? "", this.budget) : undefined;
      if (!members) throw new UnsignablePdfError("damaged", `object stream ${location.stream} cannot be read`);
      this.objectStreams.set(location.stream, members);
    }
    const member = members.find((candidate) => candidate.number === number);
    const value = member && parsePdfValue(member.source!, member.bodyStart, member.bodyEnd);
    if (!value) throw damaged(`object ${number} is not in the object stream that should hold it`);
    return { number, generation: 0, value };
  }

  private locationOf(stream: number): number {
    const location = this.locations.get(stream);
    if (location?.type !== 1) throw damaged(`object stream ${stream} is missing`);
    return location.offset;
  }

  /** The object whose "n g obj" header is at `offset`, checked to be object `expected`. */
  private readObjectAt(offset: number, expected: number | undefined, withStream: boolean) {
    for (let window = WINDOW; ; window *= 4) {
      const end = Math.min(this.bytes.length, offset + window);
      const text = this.bytes.toString("latin1", offset, end);
      const header = /^[\0\t\n\f\r ]*(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![A-Za-z])/.exec(text);
      if (!header || (expected !== undefined && Number(header[1]) !== expected)) {
        throw damaged(`object ${expected ?? ""} is not where the cross-reference says (offset ${offset})`);
      }
      const bodyStart = header[0].length;
      const endobj = text.indexOf("endobj", bodyStart);
      const stream = text.indexOf("stream", bodyStart);
      const bodyEnd = stream >= 0 && (endobj < 0 || stream < endobj) ? stream : endobj;
      if (bodyEnd < 0) {
        if (end === this.bytes.length) throw damaged(`object ${header[1]} never ends`);
        continue;
      }
      const value = parsePdfValue(text, bodyStart, bodyEnd);
      if (!value) throw new UnsignablePdfError("too-complex", `object ${header[1]} is too complex`);
      const object: PdfObject = { number: Number(header[1]), generation: Number(header[2]), value };
      const isStream = bodyEnd === stream;
      const streamData = isStream && withStream ? this.streamData(offset + stream, value) : undefined;
      return { object, streamData, text: { dictionary: text.slice(bodyStart, bodyEnd) } };
    }
  }

  private streamData(streamKeyword: number, value: PdfValue): string {
    let start = streamKeyword + 6;
    if (this.bytes[start] === 0x0d) start++;
    if (this.bytes[start] === 0x0a) start++;
    const lengthValue = value.entries.get("Length");
    const reference = referenceOf(lengthValue);
    const length = Number(reference === undefined ? lengthValue : this.object(reference)?.value.normalized);
    if (!Number.isInteger(length) || length < 0 || start + length > this.bytes.length) throw damaged("a stream has no valid /Length");
    return this.bytes.toString("latin1", start, start + length);
  }
}
