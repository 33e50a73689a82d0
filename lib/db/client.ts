import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withUnavailableDigest } from "@/lib/errors/tag-unavailable-errors";
import { EMBEDDED_APPLICATION_NAME } from "./embedded-marker";

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "Chưa đặt DATABASE_URL. Hãy chạy ứng dụng bằng `npm run dev` / `npm start` (tự khởi động PostgreSQL nhúng) hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL.",
    );
  }
  // PGlite is a single backend session: statements from several pooled connections would run inside one
  // another's transactions, so the embedded server gets one connection and transactions queue for it.
  // On deadline day hundreds of signatures queue for the pool too: waiting is right, failing after
  // Prisma's default 2 s is not.
  const embedded = new URL(connectionString).searchParams.get("application_name") === EMBEDDED_APPLICATION_NAME;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: embedded ? 1 : 10 }),
    transactionOptions: { maxWait: 120_000, timeout: 120_000 },
  });
  // So the error pages can say "temporarily unavailable" during an outage (lib/errors/unavailable-digest).
  return withUnavailableDigest(client);
}

// One client (and one pg pool) per process; the globalThis cache survives Next dev hot reloads.
const cache = globalThis as typeof globalThis & { camketPrisma?: PrismaClient };

function getPrismaClient(): PrismaClient {
  return (cache.camketPrisma ??= createPrismaClient());
}

/**
 * Created on first use, not on import: `next build` imports server modules without DATABASE_URL.
 */
export const prisma = new Proxy({} as PrismaClient, {
  get(_, property) {
    const client = getPrismaClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
