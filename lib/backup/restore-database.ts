import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { quoteIdent } from "./dump-database";
import { BackupRefusedError } from "./backup-refused-error";

const MIGRATIONS = "_prisma_migrations";
const BATCH = 500;
/**
 * Rows a migration inserts, so every freshly migrated database has them (the city as the first issuing body):
 * they do not make the target "not empty", and they are replaced by the backup's own copy of them.
 */
const MIGRATION_ROWS: Record<string, string> = { IssuingBody: `id = 'city'` };

/**
 * Loads a dump (dumpDatabase's JSON lines in `directory`) into a database already migrated to the same schema, in
 * one transaction: all of it or nothing. `beforeLoad` runs once the target is known to be empty and of the same
 * schema, before the load (restoreBackup writes the blobs there). Tables go parents first (foreign keys are checked as usual); the user
 * triggers are off while loading — the rows are history, not new actions (the audit log's append-only guard, the
 * unit-rank renumbering) — and sequences continue after the highest restored value.
 */
export async function restoreDatabase(url: string, directory: string, tables: readonly string[], beforeLoad: () => Promise<void> = async () => {}): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await refuseUnlessEmptyAndSameSchema(client, directory, tables);
    await beforeLoad();
    await client.query("BEGIN");
    for (const [table, rows] of Object.entries(MIGRATION_ROWS)) await client.query(`DELETE FROM ${quoteIdent(table)} WHERE ${rows}`);
    for (const table of await parentsFirst(client, tables.filter((t) => t !== MIGRATIONS))) {
      await client.query(`ALTER TABLE ${quoteIdent(table)} DISABLE TRIGGER USER`);
      for await (const batch of jsonLineBatches(path.join(directory, `${table}.jsonl`))) {
        await client.query(`INSERT INTO ${quoteIdent(table)} SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`, [
          `[${batch.join(",")}]`,
        ]);
      }
      await client.query(`ALTER TABLE ${quoteIdent(table)} ENABLE TRIGGER USER`);
    }
    await continueSequences(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function refuseUnlessEmptyAndSameSchema(client: pg.Client, directory: string, tables: readonly string[]): Promise<void> {
  const present = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  );
  const presentNames = new Set(present.rows.map((r) => r.name));
  const missing = tables.filter((t) => !presentNames.has(t));
  if (missing.length > 0) throw new BackupRefusedError(`cơ sở dữ liệu đích không có bảng ${missing.join(", ")}`);

  const applied = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${MIGRATIONS} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
  );
  const backedUp: string[] = [];
  for await (const batch of jsonLineBatches(path.join(directory, `${MIGRATIONS}.jsonl`))) {
    for (const line of batch) {
      const row = JSON.parse(line) as { migration_name: string; finished_at: string | null; rolled_back_at: string | null };
      if (row.finished_at && !row.rolled_back_at) backedUp.push(row.migration_name);
    }
  }
  if (applied.rows.map((r) => r.name).join("\n") !== backedUp.sort().join("\n")) {
    throw new BackupRefusedError("bản sao lưu thuộc một phiên bản lược đồ khác với mã đang chạy; hãy khôi phục bằng đúng phiên bản camket đã sao lưu");
  }
  for (const table of tables) {
    if (table === MIGRATIONS) continue;
    const seeded = MIGRATION_ROWS[table];
    const rows = await client.query(`SELECT 1 FROM ${quoteIdent(table)}${seeded ? ` WHERE NOT (${seeded})` : ""} LIMIT 1`);
    if (rows.rowCount) throw new BackupRefusedError(`cơ sở dữ liệu đích đã có dữ liệu (bảng ${table}); chỉ khôi phục vào một cơ sở dữ liệu trống`);
  }
}

/** Serial columns (the audit log's id) continue after the highest restored value, not from 1. */
async function continueSequences(client: pg.Client): Promise<void> {
  const serials = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns WHERE table_schema = 'public' AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const { table, column, sequence } of serials.rows) {
    await client.query(`SELECT setval($1, COALESCE(max(${quoteIdent(column)}), 0) + 1, false) FROM ${quoteIdent(table)}`, [sequence]);
  }
}

/** `tables` ordered so that every table comes after the tables its foreign keys point at. */
async function parentsFirst(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1").replaceAll('""', '"');
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of edges.rows) {
    if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent));
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return;
    if (path.has(table)) throw new Error(`foreign keys form a cycle through ${table}`);
    path.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function* jsonLineBatches(file: string): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
