import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { currentBlobStore } from "@/lib/storage/current-blob-store";
import { sha256Hex } from "@/lib/storage/file-store";
import { backupManifestSchema, blobEntryName, MANIFEST_ENTRY, type BackupManifest } from "./backup-manifest";
import { BackupRefusedError } from "./backup-refused-error";
import { readTarEntries, type TarEntry } from "./read-tar-entries";
import { restoreDatabase } from "./restore-database";

/**
 * `npm run restore`: checks every entry of the backup against its manifest (size and SHA-256; a blob's name is
 * its SHA-256) before touching the database or the blob store, then — once the target database is known to be
 * empty and of the same schema — writes the blobs into this process's blob store (CAMKET_STORAGE…) and loads the
 * rows into `url`. Nothing is written on any mismatch; blobs go first, so a load that fails leaves at most
 * orphan blobs (`npm run storage:cleanup`), never rows without their files.
 */
export async function restoreBackup(url: string, backupFile: string): Promise<BackupManifest> {
  const entries = await readTarEntries(backupFile);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const manifest = await readManifest(backupFile, byName.get(MANIFEST_ENTRY));
  const staging = mkdtempSync(path.join(tmpdir(), "camket-restore-"));
  try {
    for (const table of manifest.tables) {
      const entry = byName.get(`database/${table.table}.jsonl`);
      if (!entry || entry.size !== table.size) throw new BackupRefusedError(`tệp sao lưu thiếu hoặc sai kích thước bảng ${table.table}`);
      const sha256 = await copyEntry(backupFile, entry, path.join(staging, `${table.table}.jsonl`));
      if (sha256 !== table.sha256) throw new BackupRefusedError(`dữ liệu bảng ${table.table} trong tệp sao lưu không khớp mã băm (tệp bị hỏng)`);
    }
    for (const blob of manifest.blobs) {
      const entry = byName.get(blobEntryName(blob.sha256));
      if (!entry || entry.size !== blob.size) throw new BackupRefusedError(`tệp sao lưu thiếu hoặc sai kích thước tệp PDF ${blob.sha256.slice(0, 12)}…`);
      if ((await copyEntry(backupFile, entry, null)) !== blob.sha256) {
        throw new BackupRefusedError(`tệp PDF ${blob.sha256.slice(0, 12)}… trong tệp sao lưu không khớp mã băm (tệp bị hỏng)`);
      }
    }
    await restoreDatabase(url, staging, manifest.tables.map((t) => t.table), () => restoreBlobs(backupFile, manifest, byName));
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function readManifest(file: string, entry: TarEntry | undefined): Promise<BackupManifest> {
  if (!entry || entry.size > 16 * 1024 * 1024) throw new BackupRefusedError("tệp sao lưu không có manifest.json");
  const handle = await open(file, "r");
  try {
    const bytes = Buffer.alloc(entry.size);
    await handle.read(bytes, 0, entry.size, entry.offset);
    const parsed = backupManifestSchema.safeParse(safeJson(bytes.toString("utf8")));
    if (!parsed.success) throw new BackupRefusedError("manifest.json của tệp sao lưu không hợp lệ hoặc thuộc định dạng khác");
    return parsed.data;
  } finally {
    await handle.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes the backup's blobs into the blob store, each checked again as it is read (the file could change meanwhile). */
async function restoreBlobs(backupFile: string, manifest: BackupManifest, byName: Map<string, TarEntry>): Promise<void> {
  if (manifest.blobs.length === 0) return;
  const store = currentBlobStore();
  const handle = await open(backupFile, "r");
  try {
    for (const blob of manifest.blobs) {
      const entry = byName.get(blobEntryName(blob.sha256))!;
      const bytes = Buffer.alloc(entry.size);
      await handle.read(bytes, 0, entry.size, entry.offset);
      if (sha256Hex(bytes) !== blob.sha256) throw new BackupRefusedError(`tệp PDF ${blob.sha256.slice(0, 12)}… trong tệp sao lưu không khớp mã băm (tệp bị hỏng)`);
      await store.put(blob.sha256, bytes);
    }
  } finally {
    await handle.close();
  }
}

/** Copies one entry's bytes out of the archive (or only reads them, `to` null), returning their SHA-256. */
async function copyEntry(file: string, entry: TarEntry, to: string | null): Promise<string> {
  const hash = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = entry.size === 0 ? [] : createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 });
  if (to === null) {
    for await (const chunk of source) hash.update(chunk as Buffer);
    return hash.digest("hex");
  }
  await pipeline(source, tap, createWriteStream(to, { mode: 0o600 }));
  return hash.digest("hex");
}
