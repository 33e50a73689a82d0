import { hostname } from "node:os";
import { acquireDataDirLock, describeRefusal, type LockHolder } from "@/lib/runtime/data-dir-lock";
import { DATA_DIR, embeddedDatabaseDir, ensureDataDir } from "@/lib/runtime/data-dir";
import { embeddedServerUrl, startEmbeddedPostgres } from "./embedded-server";

export type OpenDatabase = {
  url: string;
  embedded: boolean;
  /** For the start line: which database, and where its files are. */
  description: string;
  stop(): Promise<void>;
};

/** The data directory is another process's: the message is the one sentence to print. */
export class DataDirBusyError extends Error {}

/**
 * The database a command works on: DATABASE_URL when set (a real server handles concurrency itself);
 * otherwise the embedded database in `dataDir`, opened by one process only (see data-dir-lock.ts).
 * `exclusive` (the app): a data directory held by a live process is refused.
 * `shared` (maintenance commands): a running camket's server is used over its socket — the PGlite files
 * are never opened a second time. Without a running holder, the command holds the lock while it runs.
 */
export async function openDatabase(command: string, access: "exclusive" | "shared", dataDir = DATA_DIR): Promise<OpenDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, description: "PostgreSQL từ DATABASE_URL", stop: async () => {} };

  const directory = embeddedDatabaseDir(ensureDataDir(dataDir));
  const attempt = acquireDataDirLock(dataDir, command);
  if (!attempt.acquired) return throughRunningServer(dataDir, directory, attempt.holder, access);
  try {
    const server = await startEmbeddedPostgres({ dataDir: directory });
    attempt.lock.setPort(server.port);
    return {
      url: server.url,
      embedded: true,
      description: `nhúng (${directory})`,
      async stop() {
        await server.stop();
        attempt.lock.release();
      },
    };
  } catch (error) {
    attempt.lock.release();
    throw error;
  }
}

function throughRunningServer(dataDir: string, directory: string, holder: LockHolder, access: "exclusive" | "shared"): OpenDatabase {
  // Its socket listens on that machine's 127.0.0.1 only.
  if (access === "exclusive" || holder.host !== hostname()) throw new DataDirBusyError(describeRefusal(dataDir, holder));
  if (holder.port === undefined) {
    throw new DataDirBusyError(`Tiến trình PID ${holder.pid} (${holder.command}) đang mở cơ sở dữ liệu trong ${dataDir}; hãy thử lại sau vài giây.`);
  }
  return {
    url: embeddedServerUrl(holder.port),
    embedded: true,
    description: `nhúng (${directory}), qua tiến trình PID ${holder.pid} đang chạy (${holder.command})`,
    stop: async () => {},
  };
}
