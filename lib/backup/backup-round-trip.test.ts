import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-server";
import { embeddedDatabaseDir } from "@/lib/runtime/data-dir";
import { runToEnd, TSX } from "@/lib/runtime/test-fixtures/run-process";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { launchTestCampaign } from "@/lib/test/factories";
import { blobKey } from "@/lib/storage/blob-store";
import { blobDirectory } from "@/lib/storage/current-blob-store";

const sourceUrl = process.env.DATABASE_URL!;
const work = mkdtempSync(path.join(tmpdir(), "camket-backup-"));
const backupFile = path.join(work, "camket.tar");
const targetDir = path.join(work, "restored-data");
const run = (script: string, args: string[], env: Record<string, string>) => runToEnd([...TSX, script, ...args], { ...process.env, ...env }, 120_000);
// The restored camket's blob store is its data directory's default (`<data dir>/blobs`), not the test run's.
const targetBlobs = path.join(targetDir, "blobs");
const restoreInto = (file: string) => run("scripts/restore.ts", [file], { CAMKET_DATA_DIR: targetDir, DATABASE_URL: "", CAMKET_STORAGE_DIR: "" });
const blobFile = (root: string, sha256: string) => path.join(root, ...blobKey(sha256).split("/"));

/** Every table's rows as one fingerprint per table: same rows, same values, in any physical order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'public' AND relkind = 'r' AND relname <> '_prisma_migrations'`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ count: number; md5: string | null }>(
        `SELECT count(*)::int AS count, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS md5 FROM "${name}" t`,
      );
      result[name] = `${rows[0].count}:${rows[0].md5}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

let target: EmbeddedPostgres | undefined;
afterAll(async () => {
  await target?.stop();
});

/** The files whose bytes are in the blob store, by SHA-256 (every PDF camket wrote since the store exists). */
async function storedBlobs(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ sha256: string }>(`SELECT sha256 FROM "StoredFile" WHERE bytes IS NULL ORDER BY sha256`)).rows.map((r) => r.sha256);
  } finally {
    await client.end();
  }
}

describe("npm run backup / npm run restore", () => {
  let before: Record<string, string>;
  let blobs: string[];
  beforeAll(async () => {
    const { heads } = await launchTestCampaign(2);
    const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
    const [head] = heads;
    const signed = await signAssignment(head.actor, {
      assignmentId: head.assignment.id,
      reviewedSha256: head.assignment.documentSha256,
      password: head.password,
      signatureImage: png,
    });
    expect(signed.ok).toBe(true);
    before = await fingerprint(sourceUrl);
    blobs = await storedBlobs(sourceUrl);
    expect(blobs).toContain(head.assignment.documentSha256);
    const backup = await run("scripts/backup.ts", [backupFile], { DATABASE_URL: sourceUrl });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
  });

  it("writes a tar any machine can list, manifest first", () => {
    const names = execFileSync("tar", ["-tf", backupFile], { encoding: "utf8" }).trim().split("\n");
    expect(names[0]).toBe("manifest.json");
    expect(names).toContain("database/AuditEvent.jsonl");
    expect(names).toContain("database/StoredFile.jsonl");
    // Every referenced blob, byte for byte, under its SHA-256.
    for (const sha256 of blobs) expect(names).toContain(`blobs/${sha256}`);
    const manifest = JSON.parse(execFileSync("tar", ["-xOf", backupFile, "manifest.json"], { encoding: "utf8" }));
    expect(manifest.format).toBe("camket-backup/2");
    expect(manifest.blobs.map((b: { sha256: string }) => b.sha256)).toEqual(blobs);
    const sha256 = blobs[0]!;
    expect(execFileSync("tar", ["-xOf", backupFile, `blobs/${sha256}`]).equals(readFileSync(blobFile(blobDirectory(), sha256)))).toBe(true);
  });

  it("refuses a backup whose PDF blob is damaged, before writing anything", async () => {
    const damaged = path.join(work, "damaged-blob.tar");
    const bytes = readFileSync(backupFile);
    const name = Buffer.from(`blobs/${blobs[0]}`);
    const header = bytes.indexOf(name);
    expect(header).toBeGreaterThan(0);
    bytes[header + 512 + 200] ^= 0x01; // a byte of the PDF, past the tar header
    writeFileSync(damaged, bytes);
    const refused = await restoreInto(damaged);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("không khớp mã băm");
    expect(existsSync(targetBlobs)).toBe(false);
  });

  it("refuses a corrupted backup before writing anything, in one sentence", async () => {
    const damaged = path.join(work, "damaged.tar");
    const bytes = readFileSync(backupFile);
    const at = bytes.indexOf(Buffer.from('"sha256":"'), bytes.indexOf("database/StoredFile.jsonl"));
    bytes[at + 12] ^= 0x01; // one character of a stored file's hash
    writeFileSync(damaged, bytes);
    const refused = await restoreInto(damaged);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("không khớp mã băm");
  });

  it("restores into an empty database with nothing lost: same rows in every table, audit chain intact", async () => {
    const restored = await restoreInto(backupFile);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const verify = await run("scripts/audit-verify.ts", [], { CAMKET_DATA_DIR: targetDir, DATABASE_URL: "" });
    expect(verify.code).toBe(0);

    // The PDFs are back in the restored camket's own blob store, identical.
    for (const sha256 of blobs) expect(readFileSync(blobFile(targetBlobs, sha256)).equals(readFileSync(blobFile(blobDirectory(), sha256)))).toBe(true);
    target = await startEmbeddedPostgres({ dataDir: embeddedDatabaseDir(targetDir) });
    expect(await fingerprint(target.url)).toEqual(before);
    // The audit log continues after the restored events instead of colliding with them.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const { rows } = await client.query<{ next: string; max: string }>(
      `SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS next, (SELECT max(id) FROM "AuditEvent")::text AS max`,
    );
    await client.end();
    expect(BigInt(rows[0].next)).toBe(BigInt(rows[0].max) + 1n);
    await target.stop();
    target = undefined;
  });

  it("refuses to restore over data", async () => {
    const again = await restoreInto(backupFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("đã có dữ liệu");
  });
});
