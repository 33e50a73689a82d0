import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { blobKey } from "./blob-store";
import { currentBlobStore } from "./current-blob-store";
import { getFile, putFile, sha256Hex, streamStoredFile } from "./file-store";
import { removeOrphanBlobs } from "./remove-orphan-blobs";
import { StoredFileCorruptedError } from "./stored-file-errors";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const BUCKET = "camket-test";
const directory = mkdtempSync(path.join(tmpdir(), "camket-s3rver-"));
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
const saved = { ...process.env };

beforeAll(async () => {
  const { port } = await server.run();
  Object.assign(process.env, {
    CAMKET_STORAGE: "s3",
    CAMKET_S3_BUCKET: BUCKET,
    CAMKET_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    CAMKET_S3_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  });
});

afterAll(async () => {
  for (const name of ["CAMKET_STORAGE", "CAMKET_S3_BUCKET", "CAMKET_S3_ENDPOINT", "CAMKET_S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("file store on an S3 bucket (s3rver)", () => {
  it("puts, gets and streams files through the bucket, keyed ab/cd/<sha256>", async () => {
    const store = currentBlobStore();
    expect(store.location).toContain(`s3://${BUCKET}`);
    const bytes = randomBytes(70_000);
    const sha256 = await putFile(prisma, bytes);
    expect(Buffer.from((await store.get(sha256))!).equals(bytes)).toBe(true);
    expect(Buffer.from((await getFile(sha256))!).equals(bytes)).toBe(true);
    const chunks: Uint8Array[] = [];
    for await (const chunk of (await streamStoredFile(sha256, bytes.length))!) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed.find((b) => b.sha256 === sha256)?.key).toBe(blobKey(sha256));
    expect(await store.get("0".repeat(64))).toBeNull();
    expect(await getFile("0".repeat(64))).toBeNull();
    // the same file again is fine
    expect(await putFile(prisma, bytes)).toBe(sha256);
  });

  it("refuses an object whose bytes do not match its name", async () => {
    const store = currentBlobStore();
    const bytes = randomBytes(1000);
    const sha256 = await putFile(prisma, bytes);
    await store.put(sha256, randomBytes(1000)); // overwritten behind camket's back
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(getFile(sha256)).rejects.toBeInstanceOf(StoredFileCorruptedError);
    } finally {
      log.mockRestore();
    }
  });

  it("cleans up orphan objects past the grace period only", async () => {
    const store = currentBlobStore();
    const orphan = randomBytes(500);
    const orphanSha = sha256Hex(orphan);
    await store.put(orphanSha, orphan);
    const kept = await putFile(prisma, randomBytes(500));
    const young = await removeOrphanBlobs({ store, graceMs: 60 * 60_000 });
    expect(young.orphans).toEqual([]);
    const later = await removeOrphanBlobs({ store, graceMs: 60 * 60_000, now: new Date(Date.now() + 2 * 60 * 60_000) });
    expect(later.orphans.map((b) => b.sha256)).toContain(orphanSha);
    expect(later.orphans.map((b) => b.sha256)).not.toContain(kept);
    expect(await store.get(orphanSha)).toBeNull();
    expect(await store.get(kept)).not.toBeNull();
  });
});
