import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipSize, zipStream, type ZipEntry } from "./zip-stream";

async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  async function* source() {
    yield* entries;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipStream(source())) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("zipStream", () => {
  const entries: { name: string; bytes: Uint8Array; mtime?: Date }[] = [
    { name: "phuong-duc-thang/Bản cam kết.pdf", bytes: new Uint8Array(70_000).fill(7), mtime: new Date(2017, 2, 15, 9, 30, 12) },
    { name: "SHA256SUMS", bytes: new TextEncoder().encode("abc\n") },
  ];

  it("writes CRC and sizes in each local header (no data descriptors), exactly zipSize bytes, and unzip -t accepts it", async () => {
    const zip = await zipOf(entries);
    expect(zip.byteLength).toBe(zipSize(entries.map((e) => ({ name: e.name, size: e.bytes.byteLength }))));
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6) & 0x0008).toBe(0); // bit 3 would mean "sizes follow in a data descriptor"
    expect(zip.readUInt32LE(14)).toBe(crc32(entries[0].bytes));
    expect(zip.readUInt32LE(22)).toBe(70_000);

    const dir = mkdtempSync(path.join(tmpdir(), "camket-zip-"));
    writeFileSync(path.join(dir, "a.zip"), zip);
    const listing = execFileSync("unzip", ["-t", "a.zip"], { cwd: dir, encoding: "utf8" });
    expect(listing).toContain("No errors detected");
    expect(listing).toContain("testing: phuong-duc-thang/B"); // unzip prints non-ASCII per the locale
    expect(execFileSync("unzip", ["-Z", "-T", "a.zip"], { cwd: dir, encoding: "utf8" })).toContain("20170315.093012");
  });

  it("streams an entry from its stored size and CRC without holding its bytes: same ZIP as with the bytes in hand", async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    const mtime = new Date(2017, 2, 15, 9, 30, 12);
    let opened = 0;
    const streamed: ZipEntry = {
      name: "a.pdf",
      mtime,
      size: bytes.byteLength,
      crc32: crc32(bytes),
      open: async () => {
        opened++;
        return (async function* () {
          for (let at = 0; at < bytes.byteLength; at += 65_536) yield bytes.subarray(at, at + 65_536);
        })();
      },
    };
    const zip = await zipOf([streamed]);
    expect(opened).toBe(1);
    expect(zip.equals(await zipOf([{ name: "a.pdf", mtime, bytes }]))).toBe(true);
  });

  it("fails the archive when a streamed entry is shorter or longer than announced", async () => {
    const entry = (actual: number): ZipEntry => ({
      name: "a.pdf",
      size: 1000,
      crc32: 0,
      open: async () => (async function* () {
        yield new Uint8Array(actual);
      })(),
    });
    await expect(zipOf([entry(999)])).rejects.toThrow(/999 bytes read, 1000 announced/);
    await expect(zipOf([entry(1001)])).rejects.toThrow(/announced/);
  });

  it("an empty archive is just the end record", async () => {
    expect((await zipOf([])).byteLength).toBe(zipSize([]));
  });
});
