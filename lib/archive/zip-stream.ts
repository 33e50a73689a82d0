import { crc32 } from "node:zlib";

/**
 * One file of the archive: its bytes in hand, or — for a file from the store — its size and CRC-32 as stored at
 * write time and a function that opens its bytes as chunks, so the header is written before any byte is read.
 */
export type ZipEntry = { name: string; mtime?: Date } & (
  | { bytes: Uint8Array }
  | { size: number; crc32: number; open: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>> }
);

const encoder = new TextEncoder();
const LOCAL_HEADER = 30;
const CENTRAL_RECORD = 46;
const END_RECORD = 22;
/** General-purpose flag bit 11: names are UTF-8 (Vietnamese unit names). */
const UTF8_NAMES = 0x0800;
/** Version 2.0: stored entries, no ZIP64. */
const VERSION = 20;

/**
 * A ZIP (store mode: PDFs barely compress) as a pull-driven stream: the next chunk is produced only when the
 * consumer asks for more, so memory stays flat whatever the archive's size. Every local header carries the CRC
 * and sizes (no data descriptors): for entries in hand the CRC is node's zlib.crc32 (fflate's JavaScript CRC ran
 * at 0.4 GB/s, zlib's at 5.6 GB/s, issue 12 profile); for entries from the store it is the CRC stored at write,
 * and their bytes are streamed through without being held. A streamed entry that turns out longer or shorter
 * than announced fails the stream (the archive would be wrong). No ZIP64: fine below 4 GB and 65,535 entries.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

async function* zipChunks(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array, void, undefined> {
  const central: Uint8Array[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const { name, mtime = new Date() } = entry;
    const inHand = "bytes" in entry;
    const size = inHand ? entry.bytes.byteLength : entry.size;
    const header = { name: encoder.encode(name), crc: inHand ? crc32(entry.bytes) : entry.crc32, size, ...dosDateTime(mtime) };
    const local = localHeader(header);
    central.push(centralRecord(header, offset));
    offset += local.byteLength + size;
    if (inHand) {
      yield Buffer.concat([local, entry.bytes]);
      continue;
    }
    yield local;
    let written = 0;
    for await (const chunk of await entry.open()) {
      written += chunk.byteLength;
      if (written > size) break;
      yield chunk;
    }
    if (written !== size) throw new Error(`ZIP entry ${name}: ${written} bytes read, ${size} announced`);
  }
  const directory = Buffer.concat(central);
  yield Buffer.concat([directory, endRecord(central.length, directory.byteLength, offset)]);
}

type EntryHeader = { name: Uint8Array; crc: number; size: number; time: number; date: number };

function localHeader(e: EntryHeader): Buffer {
  const b = Buffer.alloc(LOCAL_HEADER + e.name.byteLength);
  b.writeUInt32LE(0x04034b50, 0);
  writeEntryFields(b, 4, e);
  b.set(e.name, LOCAL_HEADER);
  return b;
}

function centralRecord(e: EntryHeader, localOffset: number): Buffer {
  const b = Buffer.alloc(CENTRAL_RECORD + e.name.byteLength);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION, 4); // version made by; the central record's only field before the shared run
  writeEntryFields(b, 6, e);
  b.writeUInt32LE(localOffset, 42);
  b.set(e.name, CENTRAL_RECORD);
  return b;
}

/**
 * The run both records share, in the same order (APPNOTE 4.3.7 and 4.3.12): version needed, flags,
 * method (0 = stored), time, date, CRC, compressed and uncompressed size, name length.
 */
function writeEntryFields(b: Buffer, at: number, e: EntryHeader): void {
  b.writeUInt16LE(VERSION, at);
  b.writeUInt16LE(UTF8_NAMES, at + 2);
  b.writeUInt16LE(0, at + 4);
  b.writeUInt16LE(e.time, at + 6);
  b.writeUInt16LE(e.date, at + 8);
  b.writeUInt32LE(e.crc, at + 10);
  b.writeUInt32LE(e.size, at + 14);
  b.writeUInt32LE(e.size, at + 18);
  b.writeUInt16LE(e.name.byteLength, at + 22);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const b = Buffer.alloc(END_RECORD);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(directorySize, 12);
  b.writeUInt32LE(directoryOffset, 16);
  return b;
}

/** MS-DOS date and time (2-second resolution) in the server's local time zone, as unzip shows them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** A file name's length as stored in the ZIP (UTF-8 bytes). */
export const utf8Length = (name: string) => Buffer.byteLength(name, "utf8");

/**
 * The exact byte length of zipStream's output for entries of these names and sizes, known before the
 * first byte: per entry a local header (30 + name) and the bytes; per entry a central-directory record
 * (46 + name); and the end record (22). It is announced before the first byte (X-Archive-Bytes), so a
 * download can show a percentage.
 */
export function zipSize(entries: Iterable<{ name: string; size: number }>): number {
  let total = END_RECORD;
  for (const { name, size } of entries) total += LOCAL_HEADER + CENTRAL_RECORD + 2 * utf8Length(name) + size;
  return total;
}
