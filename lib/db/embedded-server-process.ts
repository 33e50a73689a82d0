// Runs an in-memory embedded PostgreSQL in its own process (tests: an in-process PGlite deadlocks
// as soon as the parent blocks its event loop). Prints {"url": …} on one line; exits when stdin closes.
import { startEmbeddedPostgres } from "@/lib/db/embedded-server";

const server = await startEmbeddedPostgres({ port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.stdin.on("end", shutdown);
process.stdin.resume();
process.on("SIGTERM", shutdown);
