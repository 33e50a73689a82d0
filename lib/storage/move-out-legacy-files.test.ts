import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { runToEnd, TSX } from "@/lib/runtime/test-fixtures/run-process";
import type { BlobStore } from "./blob-store";
import { currentBlobStore } from "./current-blob-store";
import { getFile, sha256Hex } from "./file-store";
import { moveOutLegacyFiles } from "./move-out-legacy-files";

/** Rows as the bytea era wrote them: bytes in the row, no CRC, nothing in the blob store. */
async function legacyRows(count: number) {
  const files = Array.from({ length: count }, () => randomBytes(1000 + Math.floor(Math.random() * 1000)));
  await prisma.storedFile.createMany({ data: files.map((bytes) => ({ sha256: sha256Hex(bytes), bytes, size: bytes.length, contentType: "application/pdf" })) });
  return files;
}

describe("moveOutLegacyFiles", () => {
  it("moves legacy rows into the store, verified, leaving each row without bytes but with its CRC-32; a second run finds nothing", async () => {
    const files = await legacyRows(7);
    const report = await moveOutLegacyFiles({ batchSize: 3 });
    expect(report.moved).toBeGreaterThanOrEqual(7);
    expect(report.corrupted).toEqual([]);
    for (const bytes of files) {
      const sha256 = sha256Hex(bytes);
      const row = await prisma.storedFile.findUniqueOrThrow({ where: { sha256 } });
      expect(row.bytes).toBeNull();
      expect(row.crc32).toBe(BigInt(crc32(bytes)));
      expect(Buffer.from((await currentBlobStore().get(sha256))!).equals(bytes)).toBe(true);
      expect(Buffer.from((await getFile(sha256))!).equals(bytes)).toBe(true);
    }
    expect(await prisma.storedFile.count({ where: { NOT: { bytes: null } } })).toBe(0);
    expect((await moveOutLegacyFiles()).moved).toBe(0);
  });

  it("resumes after being stopped half-way, and leaves a row whose bytes do not match its name untouched", async () => {
    const files = await legacyRows(5);
    const bad = randomBytes(500);
    const badSha = sha256Hex(randomBytes(500));
    await prisma.storedFile.create({ data: { sha256: badSha, bytes: bad, size: bad.length, contentType: "application/pdf" } });
    const real = currentBlobStore();
    let puts = 0;
    const failing: BlobStore = { ...real, location: real.location, put: async (sha256, bytes) => {
      if (++puts > 2) throw new Error("disk full");
      await real.put(sha256, bytes);
    } };
    await expect(moveOutLegacyFiles({ store: failing, batchSize: 1 })).rejects.toThrow("disk full");
    expect(await prisma.storedFile.count({ where: { NOT: { bytes: null } } })).toBeGreaterThan(0);

    const run = await runToEnd([...TSX, "scripts/storage-move-out.ts"], process.env, 60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(badSha);
    expect(run.stdout).toContain("Xong:");
    for (const bytes of files) expect((await prisma.storedFile.findUniqueOrThrow({ where: { sha256: sha256Hex(bytes) } })).bytes).toBeNull();
    expect((await prisma.storedFile.findUniqueOrThrow({ where: { sha256: badSha } })).bytes).not.toBeNull();
  });

  it("the database still refuses any other change to a stored file", async () => {
    const [bytes] = await legacyRows(1);
    const sha256 = sha256Hex(bytes);
    await expect(prisma.storedFile.update({ where: { sha256 }, data: { size: 1 } })).rejects.toThrow(/append-only/);
    await expect(prisma.storedFile.update({ where: { sha256 }, data: { bytes: randomBytes(10) } })).rejects.toThrow(/append-only/);
    await expect(prisma.storedFile.delete({ where: { sha256 } })).rejects.toThrow(/append-only/);
    await moveOutLegacyFiles();
    await expect(prisma.storedFile.update({ where: { sha256 }, data: { bytes } })).rejects.toThrow(/append-only/);
    await expect(prisma.storedFile.update({ where: { sha256 }, data: { crc32: 1n } })).rejects.toThrow(/append-only/);
  });
});
