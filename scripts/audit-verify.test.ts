import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/migration-engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquireDataDirLock, type DataDirLock } from "@/lib/runtime/data-dir-lock";
import { embeddedDatabaseDir } from "@/lib/runtime/data-dir";
import { runToEnd, TSX } from "@/lib/runtime/test-fixtures/run-process";

// This test process plays a running `npm start`: it holds the data directory's lock and serves its embedded
// database, which audit:verify must read through the socket — never by opening the files a second time.
let dataDir: string;
let server: EmbeddedPostgres;
let lock: DataDirLock;

const auditVerify = () => runToEnd([...TSX, "scripts/audit-verify.ts"], { ...process.env, CAMKET_DATA_DIR: dataDir, DATABASE_URL: "" });

async function query(sql: string) {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One line, no stack frames, no minified code. */
function expectOneSentence(output: string) {
  expect(output.trim().split("\n")).toHaveLength(1);
  expect(output).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "camket-audit-verify-"));
  const attempt = acquireDataDirLock(dataDir, "npm start");
  if (!attempt.acquired) throw new Error("fresh directory already locked");
  lock = attempt.lock;
  server = await startEmbeddedPostgres({ dataDir: embeddedDatabaseDir(dataDir) });
  lock.setPort(server.port);
  await deployMigrations(server.url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url, max: 1 }) });
  for (const email of ["a@camket.test", "b@camket.test"]) {
    await prisma.$transaction((tx) => recordAuditEvent(tx, { type: "LOGIN", actorEmail: email }));
  }
  await prisma.$disconnect();
});
afterAll(async () => {
  await server?.stop().catch(() => {});
  lock?.release();
});

describe("npm run audit:verify exit codes, against a running app's embedded database", () => {
  it("0 when the chain is intact", async () => {
    const run = await auditVerify();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("1 when an event was changed, naming it in one sentence", async () => {
    // What an attacker with database access would do: get past the append-only trigger, then edit.
    await query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await query(`UPDATE "AuditEvent" SET "actorEmail" = 'mallory@camket.test' WHERE id = (SELECT min(id) FROM "AuditEvent")`);
    const run = await auditVerify();
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
  });

  it("2 (could not check, not 'broken') when the running app's database cannot be reached", async () => {
    await server.stop(); // the lock still names a live PID and its port, but nothing answers there
    const run = await auditVerify();
    expect(run.code).toBe(2);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain("Không kiểm tra được");
  });
});
