import { Zip, ZipPassThrough } from "fflate";

export type ZipEntry = { name: string; bytes: Uint8Array; mtime?: Date };

/**
 * A ZIP (store mode: PDFs barely compress) as a pull-driven stream: the next entry is produced only when
 * the consumer asks for more, so at most one file's bytes are in memory whatever the archive's size.
 * fflate emits each entry synchronously and ends it with a data descriptor, so no size is needed up front.
 * No ZIP64: fine below 4 GB per archive.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const iterator = entries[Symbol.asyncIterator]();
  let target: ReadableStreamDefaultController<Uint8Array>;
  const zip = new Zip((error, chunk, final) => {
    if (error) return target.error(error);
    target.enqueue(chunk);
    if (final) target.close();
  });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      target = controller;
    },
    async pull() {
      const next = await iterator.next();
      if (next.done) return zip.end();
      const file = new ZipPassThrough(next.value.name);
      if (next.value.mtime) file.mtime = next.value.mtime;
      zip.add(file);
      file.push(next.value.bytes, true);
    },
    async cancel() {
      zip.terminate();
      await iterator.return?.();
    },
  });
}

const encoder = new TextEncoder();

/** A file name's length as stored in the ZIP (UTF-8 bytes). */
export const utf8Length = (name: string) => encoder.encode(name).byteLength;

/**
 * The exact byte length of zipStream's output for entries of these names and sizes, known before the
 * first byte: per entry a local header (30 + name), the bytes and a data descriptor (16); per entry a
 * central-directory record (46 + name); and the end record (22). fflate adds no extra fields here.
 * It is announced before the first byte (X-Archive-Bytes), so a download can show a percentage.
 */
export function zipSize(entries: Iterable<{ name: string; size: number }>): number {
  let total = 22;
  for (const { name, size } of entries) total += 30 + 16 + 46 + 2 * utf8Length(name) + size;
  return total;
}
