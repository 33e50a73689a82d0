/**
 * `npx tsx bench/archive.ts`: the campaign archive ZIP of N signed PDFs streamed from the database to a
 * byte-counting sink, against `cat` of the same PDF bytes (one file each) to /dev/null in the same run;
 * and peak RSS of the exporting process at N = 200 and N = 1000 (each in a fresh child process, since peak
 * RSS only grows). The database runs outside the measured process (embedded PGlite in this parent, or
 * DATABASE_URL), so the child's RSS is the export's own.
 * The PDFs: one really signed commitment, made distinct per row by a trailing comment (content-addressed store).
 */
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const SIZES = [200, 1000];

if (process.argv[2] === "--read") {
  // Child, for comparison: only read the same stored files one at a time (no ZIP), report peak RSS.
  const [, , , campaignId] = process.argv;
  const { prisma } = await import("@/lib/db/client");
  const { getFile } = await import("@/lib/storage/file-store");
  const documents = await prisma.assignmentDocument.findMany({ where: { assignment: { campaignId } }, select: { sha256: true } });
  let bytes = 0;
  for (const d of documents) bytes += (await getFile(d.sha256))!.byteLength;
  console.log(JSON.stringify({ bytes, ms: 0, firstByteMs: 0, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  await prisma.$disconnect();
  process.exit(0);
}

if (process.argv[2] === "--export") {
  // Child: stream one campaign's archive, report bytes, time and peak RSS.
  const [, , , campaignId, auditorId] = process.argv;
  const { streamCampaignArchive } = await import("@/lib/archive/stream-campaign-archive");
  const { actorFor } = await import("@/lib/test/factories");
  const { prisma } = await import("@/lib/db/client");
  const auditor = await actorFor(auditorId!);
  const start = performance.now();
  const archive = await streamCampaignArchive(auditor, campaignId!);
  let bytes = 0;
  let firstByteMs = 0;
  let chunks = 0;
  // With BENCH_NODE_FLAGS=--expose-gc: collect every 300 chunks (≈ 100 PDFs), to tell garbage from retention.
  const collect = (globalThis as { gc?: () => void }).gc;
  for await (const chunk of archive!.stream) {
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += chunk.byteLength;
    if (collect && ++chunks % 300 === 0) collect();
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ bytes, ms, firstByteMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  await prisma.$disconnect();
  process.exit(0);
}

process.env.CAMKET_MASTER_KEY ??= randomBytes(32).toString("base64");
let stopDb = async () => {};
const embedded = !process.env.DATABASE_URL;
if (embedded) {
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-server");
  const { deployMigrations } = await import("@/lib/db/migration-engine");
  const db = await startEmbeddedPostgres();
  await deployMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  stopDb = db.stop;
}
const { prisma } = await import("@/lib/db/client");
const { launchTestCampaign, createActor } = await import("@/lib/test/factories");
const { signAssignment } = await import("@/lib/signatures/sign-assignment");
const { createSignaturePng } = await import("@/lib/signing/testing/signature-png");
const { getFile, putFile } = await import("@/lib/storage/file-store");

// One real signature, then N assignments that each hold a distinct signed PDF.
const seed = await launchTestCampaign(1);
const head = seed.heads[0]!;
const signed = await signAssignment(head.actor, {
  assignmentId: head.assignment.id,
  reviewedSha256: head.assignment.documentSha256,
  password: head.password,
  signatureImage: `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`,
});
if (!signed.ok) throw new Error(signed.message);
const signedPdf = (await getFile((await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).documentSha256))!;
const template = await prisma.campaign.findUniqueOrThrow({ where: { id: seed.campaignId } });
const auditor = await createActor("AUDITOR");
const run = Date.now().toString(36);

async function benchCampaign(n: number) {
  const campaign = await prisma.campaign.create({
    data: {
      name: `Đo hiệu năng ${n} đơn vị ${run}`,
      templateVersionId: template.templateVersionId,
      unitSelection: { mode: "ALL" },
      deadline: template.deadline,
      documentDate: template.documentDate,
      status: "LAUNCHED",
      launchedAt: new Date(),
    },
  });
  const dir = mkdtempSync(path.join(tmpdir(), `camket-bench-${n}-`));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const tag = `${run}-${n}-${i}`;
    const bytes = Buffer.concat([signedPdf, Buffer.from(`\n%bench ${tag}\n`)]);
    const sha256 = await putFile(prisma, bytes);
    const unit = await prisma.unit.create({ data: { kind: "WARD", name: `Phường Đo ${tag}`, slug: `phuong-do-${tag}`, code: `B${tag}`.toUpperCase() } });
    const user = await prisma.user.create({
      data: { email: `do-${tag}@phanthiet.gov.vn`, fullName: `Người Đo ${i}`, jobTitle: "Chủ tịch UBND phường", role: "UNIT_HEAD", unitId: unit.id, passwordHash: "-" },
    });
    await prisma.assignment.create({
      data: {
        campaignId: campaign.id, unitId: unit.id, headUserId: user.id, headName: user.fullName, headTitle: user.jobTitle,
        status: "SIGNED", documentSha256: sha256, signedAt: new Date(),
        documents: { create: { kind: "SIGNED", sha256, signedAt: new Date() } },
      },
    });
    files.push(path.join(dir, `${i}.pdf`));
    writeFileSync(files.at(-1)!, bytes);
  }
  return { campaignId: campaign.id, files };
}

// Asynchronous: with the embedded database, this process is the child's database server.
// BENCH_NODE_FLAGS: extra node flags for the exporting child (e.g. --expose-gc, --max-old-space-size=96).
const exportInChild = (campaignId: string, mode = "--export") =>
  new Promise<{ bytes: number; ms: number; firstByteMs: number; peakRssMb: number }>((resolve, reject) =>
    execFile(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", import.meta.filename, mode, campaignId, auditor.id], { env: process.env }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!)),
    ),
  );
// The archiving itself without the database: the same ZIP code over the same bytes read from files.
const zipFromFilesMs = async (files: string[]) => {
  const { zipStream } = await import("@/lib/archive/zip-stream");
  async function* entries() {
    for (const file of files) yield { name: path.basename(file), bytes: await readFile(file) };
  }
  const start = performance.now();
  for await (const chunk of zipStream(entries())) void chunk;
  return performance.now() - start;
};
const catMs = (files: string[]) => {
  execFileSync("cat", files, { stdio: ["ignore", "ignore", "inherit"] }); // warm the page cache
  const start = performance.now();
  execFileSync("sh", ["-c", 'cat "$@" > /dev/null', "cat", ...files]);
  return performance.now() - start;
};

console.log(`signed PDF: ${signedPdf.length} bytes; database: ${embedded ? "embedded PGlite (in this parent process)" : "PostgreSQL"}`);
for (const n of SIZES) {
  const { campaignId, files } = await benchCampaign(n);
  await exportInChild(campaignId); // warm-up: PostgreSQL caches, tsx transpile cache
  const zip = await exportInChild(campaignId);
  const readOnly = await exportInChild(campaignId, "--read");
  const cat = catMs(files);
  await zipFromFilesMs(files); // warm-up
  const zipFiles = await zipFromFilesMs(files);
  const pdfBytes = n * (signedPdf.length + 20);
  const mbps = (bytes: number, ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(0);
  console.log(
    `N=${String(n).padStart(4)}: zip ${(zip.bytes / 1e6).toFixed(1)} MB in ${zip.ms.toFixed(0)} ms (${mbps(zip.bytes, zip.ms)} MB/s, first byte ${zip.firstByteMs.toFixed(0)} ms)` +
      ` · cat ${mbps(pdfBytes, cat)} MB/s · ratio ${(cat / zip.ms).toFixed(2)} · peak RSS ${zip.peakRssMb.toFixed(0)} MB\n` +
      `        reading the same files from the database without zipping: peak RSS ${readOnly.peakRssMb.toFixed(0)} MB\n` +
      `        same ZIP code from files (no database): ${mbps(pdfBytes, zipFiles)} MB/s · ratio to cat ${(cat / zipFiles).toFixed(2)}`,
  );
}
await prisma.$disconnect();
await stopDb();
process.exit(0);
