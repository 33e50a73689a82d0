import pg from "pg";

/**
 * The SQL statements `work` sends, as the database sees them: counted on pg's Client, under Prisma's pg
 * adapter, so BEGIN and COMMIT count too and the number is the same on PGlite (served over the PostgreSQL
 * protocol) and on PostgreSQL.
 */
export async function countStatements(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    seen.push(typeof config === "string" ? config : String((config as { text?: unknown })?.text ?? config));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}
