// npm run db:migrate -- <name>: writes a new migration for the changes in prisma/schema.prisma.
// Needs no database: the engine diffs the migrations folder (replayed on a throw-away shadow) against the schema.
import path from "node:path";
import { createMigration } from "@/lib/db/migration-engine";

const name = process.argv.slice(2).join("_");
if (!name) {
  console.error("Cách dùng: npm run db:migrate -- <tên_migration>");
  process.exit(1);
}

try {
  const directory = await createMigration(name);
  console.log(
    directory
      ? `Đã tạo migration: ${path.relative(process.cwd(), directory)}/migration.sql`
      : "Không có thay đổi: schema.prisma khớp với thư mục migrations.",
  );
  process.exit(0);
} catch (error) {
  console.error("Tạo migration thất bại:", error instanceof Error ? error.message : error);
  process.exit(1);
}
