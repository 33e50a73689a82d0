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
