import { openDatabase, DataDirBusyError, type OpenDatabase } from "./open-database";

/**
 * The frame of a maintenance command (`audit:verify`, `db:seed`, `db:status`, `db:deploy`): opens the
 * database shared with a running camket (see openDatabase), runs `body`, and exits with its code. Anything
 * that goes wrong on the way — the data directory busy, the server unreachable, even a WebAssembly abort
 * thrown from a callback — ends as one sentence and `failure.code`, never a stack dump.
 */
export async function runMaintenance(
  command: string,
  failure: { code: number; message: string },
  body: (database: OpenDatabase) => Promise<number>,
): Promise<never> {
  const fail = (error: unknown): never => {
    console.error(error instanceof DataDirBusyError ? error.message : `${failure.message}: ${shortCause(error)}.`);
    process.exit(failure.code);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  let database: OpenDatabase | undefined;
  try {
    database = await openDatabase(command, "shared");
    const code = await body(database);
    await database.stop();
    process.exit(code);
  } catch (error) {
    await database?.stop().catch(() => {});
    return fail(error);
  }
}

/**
 * One line of an error, enough to tell "unreachable" from "no such table"; no stack, no query text. The last
 * line: Prisma puts its call-site excerpt first and the cause last; driver errors are one line anyway.
 */
function shortCause(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").filter((line) => line.trim());
  const text = (lines.at(-1) ?? "").trim().replace(/\.$/, "").slice(0, 200);
  return typeof code === "string" && !text.includes(code) ? `${text} (${code})` : text;
}
