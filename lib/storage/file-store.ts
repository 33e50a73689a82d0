import { createHash, webcrypto } from "node:crypto";
import { crc32 } from "node:zlib";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentBlobStore } from "./current-blob-store";
import { StoredFileCorruptedError, StoredFileMissingError } from "./stored-file-errors";

type Db = Prisma.TransactionClient | typeof prisma;

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Content-addressed, immutable file storage: the bytes in the blob store (lib/storage/current-blob-store), a
 * StoredFile row with size, SHA-256 and CRC-32 computed once here. These functions are the whole interface.
 *
 * Called inside the transaction that stores the rows pointing at the file: the blob is durable before the row
 * is even inserted, so a rolled-back transaction leaves at most an orphan blob (`npm run storage:cleanup`),
 * never a row without its bytes.
 */
export async function putFile(db: Db, bytes: Uint8Array, contentType = "application/pdf"): Promise<string> {
  const { sha256, size, crc32 } = await writeBlob(bytes);
  await db.storedFile.createMany({ data: [{ sha256, size, crc32: BigInt(crc32), contentType }], skipDuplicates: true });
  return sha256;
}

export interface WrittenBlob {
  sha256: string;
  size: number;
  crc32: number;
}

/**
 * The blob half of putFile, for a caller that inserts the StoredFile row in its own statement (the signing
 * store does, with the status change and audit event): the bytes are durable when this returns.
 */
export async function writeBlob(bytes: Uint8Array): Promise<WrittenBlob> {
  const sha256 = sha256Hex(bytes);
  await currentBlobStore().put(sha256, bytes);
  return { sha256, size: bytes.byteLength, crc32: crc32(bytes) };
}

/**
 * A file's bytes, checked against its SHA-256; null when no such file. The blob store first (no database
 * round trip); a legacy row still holding its bytes otherwise. Corrupted or lost bytes throw, never served.
 */
export async function getFile(sha256: string, db: Db = prisma): Promise<Uint8Array | null> {
  const blob = await currentBlobStore().get(sha256);
  if (blob) return await verified(sha256, blob);
  const row = await db.storedFile.findUnique({ where: { sha256 }, select: { bytes: true } });
  if (!row) return null;
  if (!row.bytes) throw missing(sha256);
  return await verified(sha256, new Uint8Array(row.bytes));
}

/** Several files (bulk countersign reads a chunk's PDFs); missing ones are absent from the map. */
export async function getFiles(sha256s: readonly string[], db: Db = prisma): Promise<Map<string, Uint8Array>> {
  const store = currentBlobStore();
  const unique = [...new Set(sha256s)];
  const found = new Map<string, Uint8Array>();
  const blobs = await Promise.all(unique.map(async (sha256) => [sha256, await store.get(sha256)] as const));
  for (const [sha256, bytes] of blobs) if (bytes) found.set(sha256, await verified(sha256, bytes));
  const rest = unique.filter((sha256) => !found.has(sha256));
  if (rest.length > 0) {
    const rows = await db.storedFile.findMany({ where: { sha256: { in: rest } }, select: { sha256: true, bytes: true } });
    for (const row of rows) {
      if (!row.bytes) throw missing(row.sha256);
      found.set(row.sha256, await verified(row.sha256, new Uint8Array(row.bytes)));
    }
  }
  return found;
}

/**
 * One file from the blob store as chunks, for writing straight into a download (the campaign ZIP): the
 * SHA-256 and length are checked as the chunks pass, and a mismatch throws at the end, so a corrupted file
 * fails the download instead of completing it. Null when the store has no such blob.
 */
export async function streamStoredFile(sha256: string, size: number): Promise<AsyncIterable<Uint8Array> | null> {
  const chunks = await currentBlobStore().openStream(sha256);
  if (!chunks) return null;
  return (async function* () {
    const hash = createHash("sha256");
    let length = 0;
    for await (const chunk of chunks) {
      hash.update(chunk);
      length += chunk.byteLength;
      if (length > size) break;
      yield chunk;
    }
    if (length !== size || hash.digest("hex") !== sha256) throw corrupted(sha256, `${length} bytes streamed, ${size} expected`);
  })();
}

/**
 * The bytes, once their SHA-256 matches the name. Hashed by WebCrypto, which runs on libuv's thread pool: a
 * campaign archive reading ahead hashes several PDFs at once, off the event loop.
 */
async function verified(sha256: string, bytes: Uint8Array): Promise<Uint8Array> {
  const actual = Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)).toString("hex");
  if (actual !== sha256) throw corrupted(sha256, `bytes hash to ${actual}`);
  return bytes;
}

function corrupted(sha256: string, detail: string): StoredFileCorruptedError {
  console.error(`[camket] stored file ${sha256} is corrupted in ${currentBlobStore().location}: ${detail}; not served`);
  return new StoredFileCorruptedError(sha256);
}

function missing(sha256: string): StoredFileMissingError {
  console.error(`[camket] stored file ${sha256} has a row but no bytes in ${currentBlobStore().location}`);
  return new StoredFileMissingError(sha256);
}
