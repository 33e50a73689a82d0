/**
 * npx tsx bench/deadline.ts — deadline day: the production build on PostgreSQL, 200 unit heads (synthetic
 * units) signing at the same moment over HTTP. Reports throughput and p50/p95 latency, then checks:
 * 200 valid signatures from the city CA, no duplicates, no errors, audit chain intact.
 * Needs `npm run build` first and PostgreSQL (DATABASE_URL, default 127.0.0.1:5432); uses a fresh database.
 * DEADLINE_DB=pglite runs it on the embedded PGlite server instead.
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migration-engine";
import { resultNumber } from "./interleaved";

const HEADS = Number(process.env.HEADS ?? 200);
/** Heads who sign one by one before the rush, so the sign route is compiled and warm as on a server already in use. */
const WARM_UP = 5;
const PORT = 3300;
const BASE = `http://localhost:${PORT}`;
// DEADLINE_DB=pglite: the embedded PGlite server (in this process, as the app's own would run beside it).
const onPglite = process.env.DEADLINE_DB === "pglite";
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `camket_deadline_${Date.now()}`;
const embedded = onPglite ? await (await import("@/lib/db/embedded-server")).startEmbeddedPostgres() : null;
const admin = new pg.Client({ connectionString: server });
if (!embedded) {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
}
const url = new URL(embedded?.url ?? server);
if (!embedded) url.pathname = `/${dbName}`;
// The server's and this process's blob store: a scratch directory, removed at exit.
const blobs = mkdtempSync(path.join(tmpdir(), "camket-deadline-blobs-"));
process.on("exit", () => rmSync(blobs, { recursive: true, force: true }));
const env = {
  ...process.env,
  CAMKET_STORAGE: "filesystem",
  CAMKET_STORAGE_DIR: blobs,
  DATABASE_URL: url.toString(),
  CAMKET_MASTER_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: BASE,
  CAMKET_SCHEDULER: "off",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, env);
let app: ReturnType<typeof spawn> | undefined;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  await deployMigrations(url.toString());
  const { launchTestCampaign } = await import("@/lib/test/factories");
  const { createSignaturePng } = await import("@/lib/signing/testing/signature-png");
  console.log(`preparing ${HEADS} units, heads and their commitments (and ${WARM_UP} to warm the server up)…`);
  const everyone = (await launchTestCampaign(HEADS + WARM_UP)).heads;
  const heads = everyone.slice(WARM_UP);

  // CPU_PROF=<dir>: the server's CPU profile (node --cpu-prof), written when it stops.
  const profile = process.env.CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROF}`] : [];
  app = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], { env, stdio: ["ignore", "pipe", "inherit"] });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/login`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  // Each head signs in like a browser: CSRF token, then the credentials callback; keep the session cookie.
  const cookies = await Promise.all(
    everyone.map(async (head) => {
      const csrf = await fetch(`${BASE}/api/auth/csrf`);
      const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const login = await fetch(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, email: head.user.email, password: head.password, json: "true" }),
      });
      const session = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
      if (!session) throw new Error(`đăng nhập thất bại: ${head.user.email}`);
      return session;
    }),
  );

  const signatureImage = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
  const sign = async (i: number) => {
    const head = everyone[i]!;
    const t = performance.now();
    const response = await fetch(`${BASE}/cam-ket/${head.assignment.id}/ky`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: BASE, Cookie: cookies[i]! },
      body: JSON.stringify({ reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage }),
    });
    const text = await response.text();
    const body = (() => {
      try {
        return JSON.parse(text) as { ok: boolean; message?: string };
      } catch {
        return { ok: false, message: `HTTP ${response.status}: ${text.slice(0, 200)}` };
      }
    })();
    return { ms: performance.now() - t, ok: response.ok && body.ok, message: body.message };
  };
  for (let i = 0; i < WARM_UP; i++) if (!(await sign(i)).ok) throw new Error("warm-up signature failed");
  const started = performance.now();
  const results = await Promise.all(heads.map((_, i) => sign(WARM_UP + i)));
  const wall = (performance.now() - started) / 1000;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const errors = results.filter((r) => !r.ok);

  const { prisma } = await import("@/lib/db/client");
  const { getFile } = await import("@/lib/storage/file-store");
  const { readPdfSignatures } = await import("@/lib/signing/read-pdf-signatures");
  const { getCityCa } = await import("@/lib/signatures/city-ca-store");
  const { checkAuditChain } = await import("@/lib/audit/verify-audit-chain");
  const ca = await getCityCa();
  let valid = 0;
  for (const head of heads) {
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    const signatures = await readPdfSignatures((await getFile(assignment.documentSha256))!, { caCertDer: ca.certDer });
    if (assignment.status === "SIGNED" && signatures.length === 1 && signatures[0].valid && signatures[0].issuedByCa) valid++;
  }
  const ids = heads.map((h) => h.assignment.id);
  const signedDocs = await prisma.assignmentDocument.count({ where: { kind: "SIGNED", assignmentId: { in: ids } } });
  const signEvents = await prisma.auditEvent.count({ where: { type: "ASSIGNMENT_SIGNED", assignmentId: { in: ids } } });
  const stored = await prisma.assignment.count({ where: { id: { in: ids }, status: "SIGNED" } });
  const docsPer = await prisma.assignmentDocument.groupBy({ by: ["assignmentId"], where: { kind: "SIGNED", assignmentId: { in: ids } }, _count: true });
  const eventsPer = await prisma.auditEvent.groupBy({ by: ["assignmentId"], where: { type: "ASSIGNMENT_SIGNED", assignmentId: { in: ids } }, _count: true });
  // Lost: a head who signed and whose assignment is not SIGNED. Duplicated: a second stored version or event.
  const lost = HEADS - stored;
  const duplicated = [...docsPer, ...eventsPer].reduce((sum, g) => sum + Math.max(0, g._count - 1), 0);
  const chain = await checkAuditChain();

  console.log(`${HEADS} heads signing at once over HTTP (next start, ${onPglite ? "PGlite" : "PostgreSQL"}, 2 cores)`);
  console.log(`wall time ${wall.toFixed(2)} s · throughput ${(HEADS / wall).toFixed(1)} signatures/s`);
  console.log(`latency p50 ${percentile(latencies, 50).toFixed(0)} ms · p95 ${percentile(latencies, 95).toFixed(0)} ms · max ${latencies.at(-1)!.toFixed(0)} ms`);
  console.log(`valid signatures from the city CA: ${valid}/${HEADS} · stored signed versions: ${signedDocs} · sign events: ${signEvents} · errors: ${errors.length}`);
  console.log(`audit chain: ${chain.message}`);
  if (errors.length) console.log(`first error: ${errors[0].message}`);
  console.log(
    `RESULT signatures_per_s=${resultNumber(HEADS / wall, 1)} p95_s=${resultNumber(percentile(latencies, 95) / 1000)} valid=${valid} lost=${lost} duplicated=${duplicated}`,
  );
  await prisma.$disconnect();
  if (valid !== HEADS || signedDocs !== HEADS || signEvents !== HEADS || errors.length || !chain.ok) process.exitCode = 1;
} finally {
  app?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, process.env.CPU_PROF ? 5000 : 500));
  if (embedded) await embedded.stop();
  else {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}
process.exit();
