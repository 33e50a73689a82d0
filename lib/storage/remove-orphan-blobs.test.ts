import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { runToEnd, TSX } from "@/lib/runtime/test-fixtures/run-process";
import { blobKey } from "./blob-store";
import { putFile, sha256Hex } from "./file-store";
import { filesystemBlobStore } from "./filesystem-blob-store";
import { removeOrphanBlobs } from "./remove-orphan-blobs";

const HOUR = 60 * 60_000;
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh store directory with a referenced blob, an old orphan, a young orphan and an old partial write. */
async function scene() {
  const root = mkdtempSync(path.join(tmpdir(), "camket-cleanup-"));
  roots.push(root);
  const store = filesystemBlobStore(root);
  const fileOf = (key: string) => path.join(root, ...key.split("/"));
  const old = new Date(Date.now() - 2 * HOUR);
  const referenced = await putFile(prisma, randomBytes(300)); // row in the database, blob in the run's store
  await store.put(referenced, Buffer.alloc(0)); // same name here: only the name matters to cleanup
  utimesSync(fileOf(blobKey(referenced)), old, old);
  const orphanOld = randomBytes(300);
  const oldSha = sha256Hex(orphanOld);
  await store.put(oldSha, orphanOld);
  utimesSync(fileOf(blobKey(oldSha)), old, old);
  const orphanYoung = randomBytes(300);
  const youngSha = sha256Hex(orphanYoung);
  await store.put(youngSha, orphanYoung);
  const partialKey = `${oldSha.slice(0, 2)}/${oldSha.slice(2, 4)}/.${oldSha}.123.abcdef.partial`;
  writeFileSync(fileOf(partialKey), "half");
  utimesSync(fileOf(partialKey), old, old);
  return { root, store, fileOf, referenced, oldSha, youngSha, partialKey };
}

describe("removeOrphanBlobs", () => {
  it("removes unreferenced blobs and partial writes older than the grace period, keeps young and referenced ones", async () => {
    const s = await scene();
    const dry = await removeOrphanBlobs({ store: s.store, graceMs: HOUR, dryRun: true });
    expect(dry.orphans.map((o) => o.key).sort()).toEqual([blobKey(s.oldSha), s.partialKey].sort());
    expect(existsSync(s.fileOf(blobKey(s.oldSha)))).toBe(true);

    const done = await removeOrphanBlobs({ store: s.store, graceMs: HOUR });
    expect(done).toMatchObject({ young: 1, referenced: 1 });
    expect(done.orphans).toHaveLength(2);
    expect(existsSync(s.fileOf(blobKey(s.oldSha)))).toBe(false);
    expect(existsSync(s.fileOf(s.partialKey))).toBe(false);
    expect(existsSync(s.fileOf(blobKey(s.youngSha)))).toBe(true);
    expect(existsSync(s.fileOf(blobKey(s.referenced)))).toBe(true);
  });

  it("a blob written again counts its grace from the new write (a retried signature reusing an old orphan)", async () => {
    const s = await scene();
    await s.store.put(s.oldSha, Buffer.alloc(0)); // exists: kept as is, time refreshed
    const done = await removeOrphanBlobs({ store: s.store, graceMs: HOUR });
    expect(done.orphans.map((o) => o.key)).toEqual([s.partialKey]);
    expect(existsSync(s.fileOf(blobKey(s.oldSha)))).toBe(true);
  });

  it("npm run storage:cleanup -- --dry-run lists what it would remove and removes nothing", async () => {
    const s = await scene();
    const run = await runToEnd([...TSX, "scripts/storage-cleanup.ts", "--dry-run"], { ...process.env, CAMKET_STORAGE_DIR: s.root }, 60_000);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sẽ xóa ${blobKey(s.oldSha)}`);
    expect(run.stdout).toContain("chạy thử");
    expect(existsSync(s.fileOf(blobKey(s.oldSha)))).toBe(true);
    const real = await runToEnd([...TSX, "scripts/storage-cleanup.ts"], { ...process.env, CAMKET_STORAGE_DIR: s.root }, 60_000);
    expect(real.code).toBe(0);
    expect(existsSync(s.fileOf(blobKey(s.oldSha)))).toBe(false);
    expect(existsSync(s.fileOf(blobKey(s.youngSha)))).toBe(true);
  });
});
