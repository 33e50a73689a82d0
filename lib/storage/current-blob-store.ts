import path from "node:path";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import type { BlobStore } from "./blob-store";
import { filesystemBlobStore } from "./filesystem-blob-store";
import { s3BlobStore } from "./s3-blob-store";

/**
 * The blob store this process uses, from the environment: CAMKET_STORAGE=s3 → the bucket CAMKET_S3_BUCKET
 * (CAMKET_S3_ENDPOINT, CAMKET_S3_REGION); otherwise files under CAMKET_STORAGE_DIR, by default `blobs/` in the
 * data directory (CAMKET_DATA_DIR or .data). Read on each call (cheap, cached by setting), so a test or a
 * command that sets the environment first gets its own store.
 */
export function currentBlobStore(env: Record<string, string | undefined> = process.env): BlobStore {
  const kind = env.CAMKET_STORAGE || "filesystem";
  if (kind === "s3") {
    const bucket = env.CAMKET_S3_BUCKET;
    if (!bucket) throw new Error("CAMKET_STORAGE=s3 cần CAMKET_S3_BUCKET (tên bucket chứa tệp PDF).");
    const settings = { bucket, endpoint: env.CAMKET_S3_ENDPOINT || undefined, region: env.CAMKET_S3_REGION || undefined };
    return cached(`s3 ${JSON.stringify(settings)}`, () => s3BlobStore(settings));
  }
  if (kind !== "filesystem") throw new Error(`CAMKET_STORAGE=${kind} không hợp lệ: dùng "filesystem" (mặc định) hoặc "s3".`);
  const root = blobDirectory(env);
  return cached(`fs ${root}`, () => filesystemBlobStore(root));
}

/** CAMKET_STORAGE_DIR (relative to the working directory, or absolute), else `<data dir>/blobs`. */
export function blobDirectory(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return env.CAMKET_STORAGE_DIR ? path.resolve(/* turbopackIgnore: true */ cwd, env.CAMKET_STORAGE_DIR) : path.join(resolveDataDir(env, cwd), "blobs");
}

const stores = new Map<string, BlobStore>();
const cached = (key: string, make: () => BlobStore) => stores.get(key) ?? (stores.set(key, make()), stores.get(key)!);
