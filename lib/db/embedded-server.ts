import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APPLICATION_NAME } from "./embedded-marker";

// The app's pg pool opens up to 10 connections; the socket server's default of 1 resets the rest.
const MAX_CONNECTIONS = 20;

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves a PGlite database over the PostgreSQL wire protocol on 127.0.0.1, so `pg`, PrismaPg and
 * the migration engine talk to it exactly as to a real server. `dataDir` undefined = in-memory;
 * `port` 0 = any free port. PGlite runs one query at a time: transactions serialize.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true }); // PGlite creates only the last level
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: MAX_CONNECTIONS,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: embeddedServerUrl(port),
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** The URL of an embedded server listening on `port` (this process's, or the running app's). */
export function embeddedServerUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`;
}
