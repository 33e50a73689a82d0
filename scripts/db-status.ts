// npm run db:status: compares the migrations folder with DATABASE_URL (or the embedded database, through the
// running app when there is one). Exit code 1 when anything is pending, failed, edited, unknown to the
// folder, the schema drifted, or the database could not be read.
import { runMaintenance } from "@/lib/db/run-maintenance";
import { migrationStatus } from "@/lib/db/migration-engine";

const list = (names: string[]) => names.map((n) => `  - ${n}`).join("\n");

await runMaintenance("npm run db:status", { code: 1, message: "Không kiểm tra được trạng thái migration" }, async (database) => {
  const status = await migrationStatus(database.url);
  if (status.upToDate) {
    console.log(`Cơ sở dữ liệu đã cập nhật: ${status.applied.length} migration.`);
    return 0;
  }
  if (status.pending.length) console.log(`Migration chưa áp dụng (chạy npm run db:deploy):\n${list(status.pending)}`);
  if (status.failed.length) console.log(`Migration bị lỗi khi áp dụng:\n${list(status.failed)}`);
  if (status.edited.length) console.log(`Migration đã áp dụng nhưng file bị sửa sau đó:\n${list(status.edited)}`);
  if (status.unknownToFolder.length)
    console.log(`Migration có trong cơ sở dữ liệu nhưng không có trong thư mục:\n${list(status.unknownToFolder)}`);
  if (status.drift !== null) console.log(`Cơ sở dữ liệu lệch so với các migration (đã bị sửa tay):\n${status.drift}`);
  return 1;
});
