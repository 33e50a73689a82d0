import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";

export type TableDump = { table: string; file: string; rows: number; size: number; sha256: string };
/** A file whose bytes live in the blob store, not in its StoredFile row. */
export type BlobReference = { sha256: string; size: number };

const BATCH = 1_000;

/**
 * Every table of the public schema as JSON lines (one `row_to_json` per row) into `directory`, all read in one
 * REPEATABLE READ snapshot, so the dump is one consistent moment even while camket keeps signing. JSON rather than
 * pg_dump: the same code reads the embedded PGlite (PostgreSQL 17, newer than a Debian pg_dump) and a real server,
 * and `json_populate_recordset` loads it back with every type's own text input. Also lists, from the same snapshot,
 * the files whose bytes are in the blob store rather than in their row (the backup copies those blobs).
 */
export async function dumpDatabase(url: string, directory: string): Promise<{ tables: TableDump[]; blobs: BlobReference[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    );
    const dumps: TableDump[] = [];
    for (const { name } of tables.rows) dumps.push(await dumpTable(client, name, directory));
    // In the same snapshot: the files the dumped rows point at whose bytes are in the blob store.
    const blobs = await client.query<BlobReference>(`SELECT sha256, size FROM "StoredFile" WHERE bytes IS NULL ORDER BY sha256`);
    await client.query("COMMIT");
    return { tables: dumps, blobs: blobs.rows };
  } finally {
    await client.end();
  }
}

async function dumpTable(client: pg.Client, table: string, directory: string): Promise<TableDump> {
  const file = path.join(directory, `${table}.jsonl`);
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash("sha256");
  let rows = 0;
  let size = 0;
  await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM ${quoteIdent(table)} t`);
  for (;;) {
    const batch = await client.query<{ line: string }>(`FETCH ${BATCH} FROM dump`);
    if (batch.rows.length === 0) break;
    const chunk = Buffer.from(batch.rows.map((r) => `${r.line}\n`).join(""), "utf8");
    hash.update(chunk);
    size += chunk.length;
    rows += batch.rows.length;
    if (!out.write(chunk)) await once(out, "drain");
  }
  await client.query("CLOSE dump");
  out.end();
  await once(out, "close");
  return { table, file, rows, size, sha256: hash.digest("hex") };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
