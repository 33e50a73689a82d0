import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { crc32 } from "node:zlib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { documentFileName } from "@/lib/assignments/document-file-name";
import { prisma } from "@/lib/db/client";
import { run, tempDir } from "@/lib/signing/testing/external-tools";
import { blobKey } from "@/lib/storage/blob-store";
import { blobDirectory } from "@/lib/storage/current-blob-store";
import { sha256Hex } from "@/lib/storage/file-store";
import { StoredFileCorruptedError } from "@/lib/storage/stored-file-errors";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { streamCampaignArchive } from "./stream-campaign-archive";

type Campaign = Awaited<ReturnType<typeof launchTestCampaign>>;
let campaign: Campaign;
const blobFile = (sha256: string) => path.join(blobDirectory(), ...blobKey(sha256).split("/"));

beforeAll(async () => {
  campaign = await launchTestCampaign(2);
});

async function exportZip() {
  const auditor = await createActor("AUDITOR");
  const archive = (await streamCampaignArchive(auditor, campaign.campaignId))!;
  return { archive, zip: Buffer.from(await new Response(archive.stream).arrayBuffer()) };
}

async function unzip(zip: Buffer) {
  const dir = await tempDir("camket-archive-store-");
  await writeFile(path.join(dir, "a.zip"), zip);
  expect(await run("unzip", ["-q", path.join(dir, "a.zip"), "-d", path.join(dir, "x")])).toMatchObject({ code: 0 });
  return path.join(dir, "x");
}

describe("campaign archive from the blob store", () => {
  it("writes each PDF's header from the stored CRC and size and its bytes from the store", async () => {
    const { archive, zip } = await exportZip();
    expect(zip.byteLength).toBe(archive.size);
    const dir = await unzip(zip);
    for (const head of campaign.heads) {
      const sha256 = head.assignment.documentSha256;
      const row = await prisma.storedFile.findUniqueOrThrow({ where: { sha256 } });
      expect(row.bytes).toBeNull();
      const blob = readFileSync(blobFile(sha256));
      expect(row.crc32).toBe(BigInt(crc32(blob)));
      expect((await readFile(path.join(dir, "pdf", documentFileName(head.unit.slug, "ORIGINAL")))).equals(blob)).toBe(true);
    }
  });

  it("fails the download when a blob is corrupted on disk, instead of completing it", async () => {
    const sha256 = campaign.heads[0]!.assignment.documentSha256;
    const file = blobFile(sha256);
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    bad[bad.length >> 1] ^= 0x20;
    writeFileSync(file, bad);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(exportZip()).rejects.toBeInstanceOf(StoredFileCorruptedError);
      expect(log.mock.calls.some(([line]) => String(line).includes(sha256))).toBe(true);
    } finally {
      writeFileSync(file, good);
      log.mockRestore();
    }
  });

  it("archives a legacy row whose bytes are still in the database", async () => {
    const head = campaign.heads[1]!;
    const bytes = Buffer.concat([readFileSync(blobFile(head.assignment.documentSha256)), Buffer.from(`\n%legacy ${randomBytes(4).toString("hex")}\n`)]);
    const sha256 = sha256Hex(bytes);
    await prisma.storedFile.create({ data: { sha256, bytes, size: bytes.length, contentType: "application/pdf" } });
    await prisma.assignmentDocument.create({ data: { assignmentId: head.assignment.id, kind: "SIGNED", sha256, signedAt: new Date() } });
    const { archive, zip } = await exportZip();
    expect(zip.byteLength).toBe(archive.size);
    const dir = await unzip(zip);
    const sums = await run("bash", ["-c", `cd '${dir}' && LC_ALL=C sha256sum -c SHA256SUMS`]);
    expect(sums).toMatchObject({ code: 0 });
    expect(sums.output).toContain("OK");
    const names = await readdir(path.join(dir, "pdf"));
    const matches = [];
    for (const name of names) if ((await readFile(path.join(dir, "pdf", name))).equals(bytes)) matches.push(name);
    expect(matches).toHaveLength(1);
  });
});
