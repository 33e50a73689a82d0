import { inflateSync } from "node:zlib";

/**
 * The rows of cross-reference tables (ISO 32000 7.5.4) and streams (7.5.8): which object each entry frees,
 * places at a byte offset, or places inside an object stream.
 */

export interface CrossReferenceRow {
  number: number;
  /** 0 free, 1 at a byte offset, 2 inside an object stream. */
  type: number;
  /** The byte offset (type 1) or the object stream's number (type 2). */
  field2: number;
}

/** A commitment's updates list a few dozen objects; this bounds the decoding of a crafted one. */
const MAX_ROWS = 200_000;
/** "xref" keywords looked at per update, so a crafted flood of them cannot stall the search. */
const MAX_TABLES = 100;

const numbersIn = (value: string | undefined) => (value ?? "").replace(/[[\]]/g, " ").trim().split(/\s+/).filter(Boolean).map(Number);

/** A cross-reference stream, Flate with or without PNG predictors (what writers use); undefined for anything else or malformed. */
export function readXrefStream(entries: Map<string, string>, data: string): CrossReferenceRow[] | undefined {
  const widths = numbersIn(entries.get("W"));
  const index = entries.has("Index") ? numbersIn(entries.get("Index")) : [0, Number(entries.get("Size"))];
  const filter = entries.get("Filter")?.replace(/[[\]\s]/g, "");
  const parms = new Map([...(entries.get("DecodeParms") ?? "").matchAll(/\/(Predictor|Columns) (\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
  if (widths.length !== 3 || widths.some((w) => !(w >= 0 && w <= 8)) || index.some((n) => !Number.isInteger(n) || n < 0)) return undefined;
  if (filter !== undefined && filter !== "/FlateDecode") return undefined;
  const rowWidth = widths[0]! + widths[1]! + widths[2]!;
  const count = index.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0);
  if (rowWidth === 0 || count > MAX_ROWS) return undefined;
  let bytes: Buffer;
  try {
    const raw = Buffer.from(data, "latin1");
    bytes = filter ? inflateSync(raw, { maxOutputLength: (rowWidth + 1) * count + 1024 }) : raw;
  } catch {
    return undefined;
  }
  const predictor = parms.get("Predictor") ?? 1;
  if (predictor >= 10) bytes = unpredictPng(bytes, parms.get("Columns") ?? 1);
  else if (predictor !== 1) return undefined;
  if (bytes.length < rowWidth * count) return undefined;

  const rows: CrossReferenceRow[] = [];
  let at = 0;
  const field = (width: number) => {
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + bytes[at++]!;
    return value;
  };
  for (let i = 0; i + 1 < index.length; i += 2) {
    for (let n = 0; n < index[i + 1]!; n++) {
      const type = widths[0] ? field(widths[0]) : 1;
      const field2 = field(widths[1]!);
      field(widths[2]!);
      rows.push({ number: index[i]! + n, type, field2 });
    }
  }
  return rows;
}

/** The rows of an update's classic cross-reference tables. */
export function readXrefTables(slice: string): CrossReferenceRow[] {
  const rows: CrossReferenceRow[] = [];
  let tables = 0;
  for (let at = slice.indexOf("xref"); at >= 0 && tables < MAX_TABLES; at = slice.indexOf("xref", at + 4)) {
    if (/[A-Za-z]/.test(slice[at - 1] ?? "")) continue; // the "xref" in "startxref"
    tables++;
    const trailer = slice.indexOf("trailer", at);
    if (trailer < 0) break;
    let number = 0;
    for (const line of slice.slice(at + 4, trailer).split(/\r\n|\r|\n/)) {
      const subsection = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
      const row = /^\s*(\d{10})\s+\d{5}\s+([nf])/.exec(line);
      if (subsection) number = Number(subsection[1]);
      else if (row) rows.push({ number: number++, type: row[2] === "n" ? 1 : 0, field2: Number(row[1]) });
    }
    at = trailer;
  }
  return rows;
}

/** Undoes PNG row predictors (each row: a filter-type byte, then `columns` bytes). */
function unpredictPng(bytes: Buffer, columns: number): Buffer {
  const rows = Math.floor(bytes.length / (columns + 1));
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const kind = bytes[r * (columns + 1)]!;
    for (let c = 0; c < columns; c++) {
      const raw = bytes[r * (columns + 1) + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, kind === 4 ? paeth() : 0][kind] ?? 0;
      out[r * columns + c] = (raw + predicted) & 0xff;
    }
  }
  return out;
}
