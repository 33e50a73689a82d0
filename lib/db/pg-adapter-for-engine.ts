import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "@/lib/db/embedded-server";

const CHAR_OID = 18; // PostgreSQL's one-byte "char" (pg_class.relkind, …), read while introspecting.
const TEXT_OID = 25;

// Result rows of queries that contained "char" columns → their indexes, to re-tag after PrismaPg.
const charColumnsByRows = new WeakMap<unknown[], number[]>();

type PgResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

/** adapter-pg throws on OID 18: let it see text, and remember which columns were "char". */
function disguiseCharColumns(result: unknown): void {
  for (const r of (Array.isArray(result) ? result : [result]) as PgResultLike[]) {
    const indexes = (r?.fields ?? []).flatMap((f, i) => (f.dataTypeID === CHAR_OID ? [i] : []));
    if (indexes.length === 0 || !r.rows) continue;
    for (const i of indexes) r.fields![i].dataTypeID = TEXT_OID;
    charColumnsByRows.set(r.rows, indexes);
  }
}

function patchClientQuery(client: pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        if (!err) disguiseCharColumns(res);
        callback(err, res);
      };
      return query(...args);
    }
    const pending = query(...args);
    return pending instanceof Promise ? pending.then((res) => (disguiseCharColumns(res), res)) : pending;
  };
}

function retagCharColumns(result: SqlResultSet): SqlResultSet {
  const indexes = charColumnsByRows.get(result.rows) ?? [];
  for (const i of indexes) result.columnTypes[i] = ColumnTypeEnum.Character;
  return result;
}

function withCharColumns<T extends { queryRaw(q: SqlQuery): Promise<SqlResultSet> }>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (q) => retagCharColumns(await queryRaw(q));
  return queryable;
}

/** The engine only prints driver errors it recognises; anything else shows up as "External error id#0". */
function rethrowForEngine(error: unknown): never {
  if (!(error instanceof pg.DatabaseError)) throw error;
  throw new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "",
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

/** A PrismaPg adapter fit for the schema engine, over its own pool (ended on dispose). */
async function connectEngineAdapter(connectionString: string, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on("connect", patchClientQuery);
  const adapter = withCharColumns(await new PrismaPg(pool).connect());

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => withCharColumns<Transaction>(await startTransaction(level));
  // PrismaPg splits scripts on ";", which breaks $$ bodies: send them whole (simple protocol).
  adapter.executeScript = async (script) => {
    await pool.query(script).catch(rethrowForEngine);
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await pool.end();
    await onDispose?.();
  };
  return adapter;
}

/**
 * Shadow database for diffs: SHADOW_DATABASE_URL (its `public` schema is wiped) or a throw-away
 * in-memory PGlite. Never PrismaPg's own shadow, which runs CREATE DATABASE on the main server.
 */
async function connectShadow(): Promise<SqlDriverAdapter> {
  const shadowUrl = process.env.SHADOW_DATABASE_URL;
  if (shadowUrl) {
    const adapter = await connectEngineAdapter(shadowUrl);
    await adapter.executeScript('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
    return adapter;
  }
  const server = await startEmbeddedPostgres({ port: 0 });
  return connectEngineAdapter(server.url, server.stop);
}

/** Adapter factory for `SchemaEngine.new` (wrap it with bindMigrationAwareSqlAdapterFactory). */
export function engineAdapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(connectionString);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => connectEngineAdapter(connectionString),
    connectToShadowDb: connectShadow,
  };
}
