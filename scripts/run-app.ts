/**
 * `npm run dev` / `npm start`: the one way to run camket.
 * No DATABASE_URL → starts the embedded PostgreSQL (PGlite, in <CAMKET_DATA_DIR or .data>/pglite) under the
 * data directory's one-writer lock, applies migrations and, on the first start of an empty database, seeds
 * the demo city. DATABASE_URL set → migrates that server.
 * Then runs Next.js (dev server or the production build) on PORT (default 3000) with the right environment,
 * tied to this process: it exits when this one dies, even by kill -9.
 */
import { existsSync } from "node:fs";
import { ensureLocalSecrets } from "@/lib/runtime/local-secrets";
import { spawnTiedToParent } from "@/lib/runtime/spawn-tied-to-parent";
import { DataDirBusyError, openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { deployMigrations } from "@/lib/db/migration-engine";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Cách dùng: tsx scripts/run-app.ts dev|start");
  process.exit(2);
}
if (mode === "start" && !existsSync(".next/BUILD_ID")) {
  console.error("Chưa có bản build production: hãy chạy `npm run build` trước `npm start`.");
  process.exit(1);
}

const port = process.env.PORT ?? "3000";
const secrets = ensureLocalSecrets();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  CAMKET_MASTER_KEY: process.env.CAMKET_MASTER_KEY ?? secrets.CAMKET_MASTER_KEY,
};

let database: OpenDatabase;
try {
  database = await openDatabase(`npm ${mode === "dev" ? "run dev" : "start"}`, "exclusive");
} catch (error) {
  if (!(error instanceof DataDirBusyError)) throw error;
  console.error(error.message);
  process.exit(1);
}
env.DATABASE_URL = database.url;
process.env.DATABASE_URL = database.url;
await deployMigrations(database.url);
if (database.embedded) await seedIfEmpty();

console.log(`camket: cơ sở dữ liệu ${database.description}; mở http://localhost:${port}`);
const next = spawnTiedToParent(["node_modules/next/dist/bin/next", mode, "-p", port], { env, stdio: "inherit" });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));

async function seedIfEmpty() {
  // Imported only now: the Prisma client reads DATABASE_URL when it is created.
  const { prisma } = await import("@/lib/db/client");
  const { seedDemoData } = await import("@/prisma/seed");
  if ((await prisma.unit.count()) > 0) return;
  const result = await seedDemoData(prisma);
  console.log(`camket: đã tạo dữ liệu mẫu — ${result.createdUnits} đơn vị, ${result.createdUsers} tài khoản (mật khẩu CamKet@2017).`);
  await prisma.$disconnect();
}
