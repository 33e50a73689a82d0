/**
 * `npx tsx bench/archive.ts`: the campaign archive ZIP of N signed PDFs streamed from the database to a
 * byte-counting sink, against `cat` of the same PDF bytes (one file each) to /dev/null in the same run;
 * and peak RSS and first byte of the exporting process at N = 1,000 and 5,000 (ARCHIVE_SIZES to change;
 * each size in a fresh child process, since peak RSS only grows, which exports twice and measures the
 * second, warm export). Runs once on the embedded PGlite and
 * once on a scratch database of the PostgreSQL server at POSTGRES_URL (default 127.0.0.1:5432), each in
 * its own process; the database runs outside the measured process, so the child's RSS is the export's own.
 * The PDFs: one really signed commitment, made distinct per row by a trailing comment (content-addressed store),
 * written to a scratch blob store; the rows are bulk-loaded with SQL.
 */
import { execFile, execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";

const SIZES = (process.env.ARCHIVE_SIZES ?? "1000,5000").split(",").map(Number);
type Measured = { zipXCat: number; peakRssMb: number; firstByteMs: number };

if (process.argv[2] === undefined) {
  // Orchestrator: one measuring process per database, then the worst of each as one RESULT line.
  // The PDFs go to a scratch blob store (inherited by every child), never into .data/blobs.
  const blobs = mkdtempSync(path.join(tmpdir(), "camket-bench-blobs-"));
  process.env.CAMKET_STORAGE_DIR = blobs;
  delete process.env.CAMKET_STORAGE;
  process.on("exit", () => rmSync(blobs, { recursive: true, force: true }));
  const pg = (await import("pg")).default;
  const measure = (databaseUrl?: string) =>
    new Promise<Measured>((resolve, reject) => {
      const env: Record<string, string> = { ...(process.env as Record<string, string>) };
      delete env.DATABASE_URL;
      if (databaseUrl) env.DATABASE_URL = databaseUrl;
      const child = execFile(process.execPath, ["--import", "tsx", import.meta.filename, "--measure"], { env: env as NodeJS.ProcessEnv, maxBuffer: 1 << 24 }, (error, stdout) =>
        error ? reject(error) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!)),
      );
      child.stderr?.pipe(process.stderr);
      child.stdout?.on("data", (text: Buffer) => process.stdout.write(text.toString().split("\n").filter((l) => !l.startsWith("{")).join("\n")));
    });
  const onPglite = await measure();
  const serverUrl = new URL(process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const scratch = `camket_bench_archive_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl.href });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  let onPg: Measured;
  try {
    onPg = await measure(Object.assign(new URL(serverUrl.href), { pathname: `/${scratch}` }).href);
  } finally {
    await admin.query(`DROP DATABASE ${scratch} WITH (FORCE)`);
    await admin.end();
  }
  const { resultNumber } = await import("./interleaved");
  console.log(
    `RESULT zip_x_cat_pglite=${resultNumber(onPglite.zipXCat)} zip_x_cat_pg=${resultNumber(onPg.zipXCat)}` +
      ` peak_rss_mb=${resultNumber(Math.max(onPglite.peakRssMb, onPg.peakRssMb))} first_byte_ms=${resultNumber(Math.max(onPglite.firstByteMs, onPg.firstByteMs))}`,
  );
  process.exit(0);
}

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
  // With BENCH_NODE_FLAGS=--expose-gc: collect every 300 chunks (≈ 100 PDFs), to tell garbage from retention.
  const collect = (globalThis as { gc?: () => void }).gc;
  const exportOnce = async () => {
    const start = performance.now();
    const archive = await streamCampaignArchive(auditor, campaignId!);
    let bytes = 0;
    let firstByteMs = 0;
    let chunks = 0;
    for await (const chunk of archive!.stream) {
      if (bytes === 0) firstByteMs = performance.now() - start;
      bytes += chunk.byteLength;
      if (collect && ++chunks % 300 === 0) collect();
    }
    return { bytes, ms: performance.now() - start, firstByteMs };
  };
  // A server exports in a process that has run before: the first export also loads the archive's modules,
  // Prisma's query compiler and the city CA, so it is the warm-up; the second is measured. Peak RSS is the
  // process's over both.
  await exportOnce();
  const measured = await exportOnce();
  console.log(JSON.stringify({ ...measured, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  await prisma.$disconnect();
  process.exit(0);
}

process.env.CAMKET_MASTER_KEY ??= randomBytes(32).toString("base64");
let stopDb = async () => {};
const embedded = !process.env.DATABASE_URL;
const { deployMigrations } = await import("@/lib/db/migration-engine");
if (embedded) {
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-server");
  const db = await startEmbeddedPostgres();
  process.env.DATABASE_URL = db.url;
  stopDb = db.stop;
}
await deployMigrations(process.env.DATABASE_URL!);
const { prisma } = await import("@/lib/db/client");
const { launchTestCampaign, createActor } = await import("@/lib/test/factories");
const { signAssignment } = await import("@/lib/signatures/sign-assignment");
const { createSignaturePng } = await import("@/lib/signing/testing/signature-png");
const { getFile, sha256Hex } = await import("@/lib/storage/file-store");
const { currentBlobStore } = await import("@/lib/storage/current-blob-store");

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

// Bulk-loaded with SQL (one row at a time through Prisma took minutes at 5,000): the blobs go through the
// store as the app writes them, the rows in a few statements.
async function benchCampaign(n: number) {
  const campaignId = randomUUID();
  const tag = `${run}-${n}`;
  const dir = mkdtempSync(path.join(tmpdir(), `camket-bench-${n}-`));
  const files: string[] = [];
  const stored = { sha256: [] as string[], size: [] as number[], crc32: [] as string[] };
  const store = currentBlobStore();
  for (let i = 0; i < n; i++) {
    const bytes = Buffer.concat([signedPdf, Buffer.from(`\n%bench ${tag}-${i}\n`)]);
    const sha256 = sha256Hex(bytes);
    await store.put(sha256, bytes);
    stored.sha256.push(sha256);
    stored.size.push(bytes.byteLength);
    stored.crc32.push(String(crc32(bytes)));
    files.push(path.join(dir, `${i}.pdf`));
    writeFileSync(files.at(-1)!, bytes);
  }
  const prefix = `phuong-do-${tag}-`;
  await prisma.$transaction([
    prisma.$executeRaw`INSERT INTO "StoredFile" (sha256, size, crc32, "contentType")
      SELECT s, z, c, 'application/pdf' FROM unnest(${stored.sha256}::text[], ${stored.size}::int[], ${stored.crc32}::bigint[]) AS t(s, z, c)
      ON CONFLICT DO NOTHING`,
    prisma.$executeRaw`INSERT INTO "Campaign" (id, name, "templateVersionId", "unitSelection", deadline, "documentDate", status, "launchedAt", "updatedAt")
      VALUES (${campaignId}, ${`Đo hiệu năng ${n} đơn vị ${run}`}, ${template.templateVersionId}, '{"mode":"ALL"}', ${template.deadline}, ${template.documentDate}, 'LAUNCHED', now(), now())`,
    prisma.$executeRaw`INSERT INTO "Unit" (id, kind, name, slug, code, "sortOrder", "updatedAt")
      SELECT gen_random_uuid()::text, 'WARD', 'Phường Đo ' || ${tag} || '-' || i, ${prefix} || i, upper('B' || ${tag} || '-' || i), i, now()
      FROM generate_series(0, ${n - 1}::int) AS i`,
    prisma.$executeRaw`INSERT INTO "User" (id, email, "fullName", "jobTitle", role, "unitId", "passwordHash", "updatedAt")
      SELECT gen_random_uuid()::text, 'do-' || u.slug || '@phanthiet.gov.vn', 'Người Đo ' || u."sortOrder", 'Chủ tịch UBND phường', 'UNIT_HEAD', u.id, '-', now()
      FROM "Unit" u WHERE u.slug LIKE ${`${prefix}%`}`,
    prisma.$executeRaw`INSERT INTO "Assignment" (id, "campaignId", "unitId", "headUserId", "headName", "headTitle", status, "documentSha256", "signedAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${campaignId}, u.id, h.id, h."fullName", h."jobTitle", 'SIGNED', f.s, now(), now()
      FROM "Unit" u JOIN "User" h ON h."unitId" = u.id
      JOIN unnest(${stored.sha256}::text[]) WITH ORDINALITY AS f(s, ord) ON f.ord = u."sortOrder" + 1
      WHERE u.slug LIKE ${`${prefix}%`}`,
    prisma.$executeRaw`INSERT INTO "AssignmentDocument" (id, "assignmentId", kind, sha256, "signedAt")
      SELECT gen_random_uuid()::text, a.id, 'SIGNED', a."documentSha256", now() FROM "Assignment" a WHERE a."campaignId" = ${campaignId}`,
  ]);
  await prisma.$executeRawUnsafe("ANALYZE");
  return { campaignId, files };
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
const worst: Measured = { zipXCat: Infinity, peakRssMb: 0, firstByteMs: 0 };
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
      `        reading the same files through getFile without zipping: peak RSS ${readOnly.peakRssMb.toFixed(0)} MB\n` +
      `        same ZIP code from files (no database): ${mbps(pdfBytes, zipFiles)} MB/s · ratio to cat ${(cat / zipFiles).toFixed(2)}`,
  );
  rmSync(path.dirname(files[0]!), { recursive: true, force: true });
  worst.zipXCat = Math.min(worst.zipXCat, cat / zip.ms);
  worst.peakRssMb = Math.max(worst.peakRssMb, zip.peakRssMb);
  worst.firstByteMs = Math.max(worst.firstByteMs, zip.firstByteMs);
}
console.log(JSON.stringify(worst));
await prisma.$disconnect();
await stopDb();
process.exit(0);
