import { crc32 } from "node:zlib";
import { prisma } from "@/lib/db/client";
import type { BlobStore } from "./blob-store";
import { currentBlobStore } from "./current-blob-store";
import { sha256Hex } from "./file-store";

export type MoveOutReport = { moved: number; bytes: number; corrupted: string[] };

/**
 * `npm run storage:move-out`: copies the files still held in StoredFile.bytes (rows from before the blob store)
 * into the blob store, a batch at a time: each row's bytes are checked against its SHA-256, written, read back
 * and checked again, and only then is the row's `bytes` set to NULL (with its CRC-32) — so a crash or ^C at any
 * point loses nothing, and running it again continues where it stopped. Rows whose bytes do not match their
 * name are left as they are and reported.
 */
export async function moveOutLegacyFiles(options: { store?: BlobStore; batchSize?: number; log?: (line: string) => void } = {}): Promise<MoveOutReport> {
  const { store = currentBlobStore(), batchSize = 100, log = () => {} } = options;
  const report: MoveOutReport = { moved: 0, bytes: 0, corrupted: [] };
  for (let after = ""; ; ) {
    const rows = await prisma.$queryRaw<{ sha256: string; bytes: Uint8Array }[]>`
      SELECT sha256, bytes FROM "StoredFile" WHERE bytes IS NOT NULL AND sha256 > ${after} ORDER BY sha256 LIMIT ${batchSize}`;
    if (rows.length === 0) return report;
    after = rows.at(-1)!.sha256;
    const moved: { sha256: string; crc: string; size: number }[] = [];
    for (const row of rows) {
      const bytes = Buffer.from(row.bytes);
      if (sha256Hex(bytes) !== row.sha256) {
        report.corrupted.push(row.sha256);
        continue;
      }
      await store.put(row.sha256, bytes);
      const back = await store.get(row.sha256);
      if (!back || sha256Hex(back) !== row.sha256) throw new Error(`tệp ${row.sha256} đọc lại từ ${store.location} không khớp mã SHA-256`);
      moved.push({ sha256: row.sha256, crc: String(crc32(bytes)), size: bytes.byteLength });
    }
    if (moved.length > 0) {
      await prisma.$executeRaw`
        UPDATE "StoredFile" f SET bytes = NULL, crc32 = m.crc
        FROM unnest(${moved.map((m) => m.sha256)}::text[], ${moved.map((m) => m.crc)}::bigint[]) AS m(sha256, crc)
        WHERE f.sha256 = m.sha256 AND f.bytes IS NOT NULL`;
    }
    report.moved += moved.length;
    report.bytes += moved.reduce((n, m) => n + m.size, 0);
    log(`  ${report.moved} tệp (${(report.bytes / 1e6).toFixed(1)} MB) đã chuyển`);
  }
}
