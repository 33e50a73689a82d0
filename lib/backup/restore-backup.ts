import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { backupManifestSchema, MANIFEST_ENTRY, type BackupManifest } from "./backup-manifest";
import { BackupRefusedError } from "./backup-refused-error";
import { readTarEntries, type TarEntry } from "./read-tar-entries";
import { restoreDatabase } from "./restore-database";

/**
 * `npm run restore`: checks every entry of the backup against its manifest (size and SHA-256) before touching the
 * database, then loads it into `url`, which must be empty and migrated to the same schema. Nothing is written on
 * any mismatch.
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
    await restoreDatabase(url, staging, manifest.tables.map((t) => t.table));
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

/** Copies one entry's bytes out of the archive, returning their SHA-256. */
async function copyEntry(file: string, entry: TarEntry, to: string): Promise<string> {
  const hash = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = entry.size === 0 ? [] : createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 });
  await pipeline(source, tap, createWriteStream(to, { mode: 0o600 }));
  return hash.digest("hex");
}
