import { randomBytes } from "node:crypto";
import { readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { blobKey } from "./blob-store";
import { blobDirectory, currentBlobStore } from "./current-blob-store";
import { getFile, getFiles, putFile, sha256Hex, streamStoredFile } from "./file-store";
import { StoredFileCorruptedError } from "./stored-file-errors";

const blobFile = (sha256: string) => path.join(blobDirectory(), ...blobKey(sha256).split("/"));
const somePdf = () => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(2000), Buffer.from("\n%%EOF\n")]);

describe("file store (filesystem blobs)", () => {
  it("runs on the test run's own directory, not the developer's .data", () => {
    expect(process.env.CAMKET_STORAGE_DIR).toContain("camket-test-blobs-");
    expect(currentBlobStore().location).toBe(process.env.CAMKET_STORAGE_DIR);
  });

  it("puts a file as a 0600 blob fanned out by hash, the row holding size and CRC-32 but no bytes; gets it back", async () => {
    const bytes = somePdf();
    const sha256 = await putFile(prisma, bytes);
    expect(sha256).toBe(sha256Hex(bytes));
    const file = blobFile(sha256);
    expect(file.endsWith(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`)).toBe(true);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { sha256 } });
    expect(row).toMatchObject({ bytes: null, size: bytes.length, crc32: BigInt(crc32(bytes)), contentType: "application/pdf" });
    expect(Buffer.from((await getFile(sha256))!).equals(bytes)).toBe(true);
    expect((await getFiles([sha256])).get(sha256)?.byteLength).toBe(bytes.length);
    expect(await getFile("0".repeat(64))).toBeNull();
  });

  it("writes the blob before the row: a rolled-back transaction leaves an orphan blob, never a row without bytes", async () => {
    const bytes = somePdf();
    const sha256 = sha256Hex(bytes);
    await expect(
      prisma.$transaction(async (tx) => {
        await putFile(tx, bytes);
        expect(existsSync(blobFile(sha256))).toBe(true);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await prisma.storedFile.findUnique({ where: { sha256 } })).toBeNull();
    expect(existsSync(blobFile(sha256))).toBe(true);
  });

  it("detects a corrupted blob by its hash, logs it and never serves it", async () => {
    const bytes = somePdf();
    const sha256 = await putFile(prisma, bytes);
    const damaged = Buffer.from(bytes);
    damaged[100] ^= 0xff;
    writeFileSync(blobFile(sha256), damaged);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(getFile(sha256)).rejects.toBeInstanceOf(StoredFileCorruptedError);
      await expect(getFile(sha256)).rejects.toThrow(/bị hỏng/);
      await expect(getFiles([sha256])).rejects.toBeInstanceOf(StoredFileCorruptedError);
      const chunks = (await streamStoredFile(sha256, bytes.length))!;
      await expect((async () => { for await (const chunk of chunks) void chunk; })()).rejects.toBeInstanceOf(StoredFileCorruptedError);
      expect(log.mock.calls.some(([line]) => String(line).includes(`stored file ${sha256} is corrupted`))).toBe(true);
    } finally {
      log.mockRestore();
    }
  });

  it("reports a row whose blob is gone instead of answering 'no such file'", async () => {
    const bytes = somePdf();
    const sha256 = await putFile(prisma, bytes);
    await currentBlobStore().remove(blobKey(sha256));
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(getFile(sha256)).rejects.toThrow(/không còn trong kho tệp/);
    } finally {
      log.mockRestore();
    }
  });

  it("takes the same file from many writers at once: one blob, one row, no partial file left", async () => {
    const bytes = somePdf();
    const results = await Promise.all(Array.from({ length: 12 }, () => putFile(prisma, bytes)));
    expect(new Set(results).size).toBe(1);
    const [sha256] = results;
    expect(readFileSync(blobFile(sha256)).equals(bytes)).toBe(true);
    expect(await prisma.storedFile.count({ where: { sha256 } })).toBe(1);
    const leftovers = [];
    for await (const blob of currentBlobStore().list()) if (blob.sha256 === null) leftovers.push(blob.key);
    expect(leftovers).toEqual([]);
  });

  it("still reads a legacy row whose bytes are in the database", async () => {
    const bytes = somePdf();
    const sha256 = sha256Hex(bytes);
    await prisma.storedFile.create({ data: { sha256, bytes, size: bytes.length, contentType: "application/pdf" } });
    expect(existsSync(blobFile(sha256))).toBe(false);
    expect(Buffer.from((await getFile(sha256))!).equals(bytes)).toBe(true);
    expect(Buffer.from((await getFiles([sha256])).get(sha256)!).equals(bytes)).toBe(true);
  });
});
