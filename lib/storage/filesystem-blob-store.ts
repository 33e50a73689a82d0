import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { blobKey, isSha256, type BlobStore, type StoredBlob } from "./blob-store";

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const PARTIAL = /^\.[0-9a-f]{64}\.[0-9a-z.]+\.partial$/;

/**
 * Blobs as files under `root`, fanned out by hash (`ab/cd/abcd…`). A write goes to a temporary name in the
 * blob's own directory, is fsynced, renamed into place, and the directory fsynced: a blob that exists is
 * whole, even after a power cut. Files 0600, directories 0700 (only the app's account reads PDFs).
 */
export function filesystemBlobStore(root: string): BlobStore {
  const fileOf = (sha256: string) => path.join(root, ...blobKey(sha256).split("/"));
  return {
    location: root,

    async put(sha256, bytes) {
      const file = fileOf(sha256);
      const now = new Date();
      try {
        await utimes(file, now, now);
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      const dir = path.dirname(file);
      const created = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
      const partial = path.join(dir, `.${sha256}.${process.pid}.${randomBytes(6).toString("hex")}.partial`);
      const handle = await open(partial, "wx", PRIVATE_FILE);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(partial, { force: true });
        throw error;
      }
      await handle.close();
      await rename(partial, file);
      await syncDirectory(dir);
      // New fan-out directories must be durable too: fsync each parent up to the one that already existed.
      if (created) {
        for (let d = path.dirname(dir); ; d = path.dirname(d)) {
          await syncDirectory(d);
          if (d === path.dirname(created) || d === path.dirname(d)) break;
        }
      }
    },

    async get(sha256) {
      try {
        return await readFile(fileOf(sha256));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async openStream(sha256) {
      let handle: FileHandle;
      try {
        handle = await open(fileOf(sha256), "r");
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      return readChunks(handle);
    },

    async *list(): AsyncGenerator<StoredBlob> {
      for (const first of await namesIn(root)) {
        if (!/^[0-9a-f]{2}$/.test(first)) continue;
        for (const second of await namesIn(path.join(root, first))) {
          if (!/^[0-9a-f]{2}$/.test(second)) continue;
          const dir = path.join(root, first, second);
          for (const name of await namesIn(dir)) {
            const blob = isSha256(name);
            if (!blob && !PARTIAL.test(name)) continue;
            const info = await stat(path.join(dir, name)).catch(() => null);
            if (info?.isFile()) yield { key: `${first}/${second}/${name}`, sha256: blob ? name : null, modifiedAt: info.mtime };
          }
        }
      }
    },

    async remove(key) {
      const file = path.join(root, ...key.split("/"));
      await rm(file, { force: true });
      await syncDirectory(path.dirname(file)).catch(() => {});
    },
  };
}

const CHUNK = 256 * 1024;

/**
 * A file's bytes in chunks of at most 256 KB, each buffer exactly as long as what it holds (fs.createReadStream
 * allocates a whole highWaterMark per read: 256 KB for a 50 KB PDF, garbage that a 5,000-PDF ZIP piles up).
 * Closes the file when done or abandoned.
 */
async function* readChunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  try {
    let remaining = (await handle.stat()).size;
    while (remaining > 0) {
      const buffer = Buffer.allocUnsafeSlow(Math.min(remaining, CHUNK));
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      remaining -= bytesRead;
      yield bytesRead === buffer.byteLength ? buffer : buffer.subarray(0, bytesRead);
    }
    // A file longer than it was a moment ago: one more byte is enough for the caller's length check to fail.
    const more = Buffer.alloc(1);
    if ((await handle.read(more, 0, 1, null)).bytesRead > 0) yield more;
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "ENOENT";
