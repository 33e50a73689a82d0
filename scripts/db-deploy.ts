// npm run db:deploy: applies pending migrations to DATABASE_URL, or to the embedded .data/pglite if unset.
import { resolveDatabaseUrl } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/migration-engine";

try {
  const database = await resolveDatabaseUrl();
  const applied = await deployMigrations(database.url);
  console.log(
    applied.length > 0
      ? `Đã áp dụng ${applied.length} migration:\n${applied.map((n) => `  - ${n}`).join("\n")}`
      : "Không có migration nào cần áp dụng.",
  );
  await database.stop();
  process.exit(0);
} catch (error) {
  console.error("Áp dụng migration thất bại:", error instanceof Error ? error.message : error);
  process.exit(1);
}
