import { createReadStream, createWriteStream, mkdtempSync, openSync, fsyncSync, closeSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { Writable } from "node:stream";
import { dumpDatabase } from "./dump-database";
import { streamStoredFile } from "@/lib/storage/file-store";
import { StoredFileMissingError } from "@/lib/storage/stored-file-errors";
import { BACKUP_FORMAT, blobEntryName, MANIFEST_ENTRY, type BackupManifest } from "./backup-manifest";
import { TAR_END, tarHeader, tarPadding } from "./tar-format";

/**
 * `npm run backup`: one tar file holding the manifest (format, time, every entry's size and SHA-256), the
 * database as JSON lines, read in one snapshot, and every blob-store file those rows reference (`blobs/<sha256>`,
 * checked against its name as it is copied: a corrupted or missing blob fails the backup rather than being
 * saved). Blobs are immutable and never removed while referenced, so copying them after the snapshot is
 * consistent. Written beside `outFile` under a temporary name, fsynced, then renamed: a backup that exists is whole.
 */
export async function createBackup(url: string, outFile: string, now = new Date()): Promise<BackupManifest> {
  const staging = mkdtempSync(path.join(path.dirname(path.resolve(outFile)), ".camket-backup-"));
  const partial = path.join(staging, "backup.tar");
  try {
    const { tables, blobs } = await dumpDatabase(url, staging);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      tables: tables.map(({ table, rows, size, sha256 }) => ({ table, rows, size, sha256 })),
      blobs,
    };
    const out = createWriteStream(partial, { mode: 0o600 });
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), "utf8");
    await writeEntry(out, MANIFEST_ENTRY, manifestBytes.length, now, async () => void (await write(out, manifestBytes)));
    for (const table of tables) {
      await writeEntry(out, `database/${table.table}.jsonl`, table.size, now, () => copyFile(out, table.file));
    }
    for (const blob of blobs) {
      await writeEntry(out, blobEntryName(blob.sha256), blob.size, now, async () => {
        const chunks = await streamStoredFile(blob.sha256, blob.size);
        if (!chunks) throw new StoredFileMissingError(blob.sha256);
        for await (const chunk of chunks) await write(out, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
    }
    await write(out, TAR_END);
    out.end();
    await once(out, "close");
    const fd = openSync(partial, "r");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, outFile);
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function writeEntry(out: Writable, name: string, size: number, mtime: Date, body: () => Promise<void>): Promise<void> {
  await write(out, tarHeader(name, size, mtime));
  await body();
  await write(out, tarPadding(size));
}

async function copyFile(out: Writable, file: string): Promise<void> {
  for await (const chunk of createReadStream(file)) await write(out, chunk as Buffer);
}

async function write(out: Writable, bytes: Buffer): Promise<void> {
  if (!out.write(bytes)) await once(out, "drain");
}
