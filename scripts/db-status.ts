// npm run db:status: compares the migrations folder with DATABASE_URL (or the embedded .data/pglite).
// Exit code 1 when anything is pending, failed, edited, unknown to the folder, or the schema drifted.
import { resolveDatabaseUrl } from "@/lib/db/embedded-server";
import { migrationStatus } from "@/lib/db/migration-engine";

const list = (names: string[]) => names.map((n) => `  - ${n}`).join("\n");

try {
  const database = await resolveDatabaseUrl();
  const status = await migrationStatus(database.url);
  await database.stop();
  if (status.upToDate) {
    console.log(`Cơ sở dữ liệu đã cập nhật: ${status.applied.length} migration.`);
    process.exit(0);
  }
  if (status.pending.length) console.log(`Migration chưa áp dụng (chạy npm run db:deploy):\n${list(status.pending)}`);
  if (status.failed.length) console.log(`Migration bị lỗi khi áp dụng:\n${list(status.failed)}`);
  if (status.edited.length) console.log(`Migration đã áp dụng nhưng file bị sửa sau đó:\n${list(status.edited)}`);
  if (status.unknownToFolder.length)
    console.log(`Migration có trong cơ sở dữ liệu nhưng không có trong thư mục:\n${list(status.unknownToFolder)}`);
  if (status.drift !== null)
    console.log(`Cơ sở dữ liệu lệch so với các migration (đã bị sửa tay):\n${status.drift}`);
  process.exit(1);
} catch (error) {
  console.error("Không kiểm tra được trạng thái migration:", error instanceof Error ? error.message : error);
  process.exit(1);
}
