// npm run db:deploy: applies pending migrations to DATABASE_URL, or to the embedded database (through the
// running app when there is one).
import { runMaintenance } from "@/lib/db/run-maintenance";
import { deployMigrations } from "@/lib/db/migration-engine";

await runMaintenance("npm run db:deploy", { code: 1, message: "Áp dụng migration thất bại" }, async (database) => {
  const applied = await deployMigrations(database.url);
  console.log(
    applied.length > 0
      ? `Đã áp dụng ${applied.length} migration:\n${applied.map((n) => `  - ${n}`).join("\n")}`
      : "Không có migration nào cần áp dụng.",
  );
  return 0;
});
