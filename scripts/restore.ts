// npm run restore -- <file.tar>: brings a backup back into an EMPTY database — DATABASE_URL, or the embedded one
// (a new CAMKET_DATA_DIR) — after migrating it to this version's schema; refuses anything else and changes nothing.
import { runMaintenance } from "@/lib/db/run-maintenance";
import { deployMigrations } from "@/lib/db/migration-engine";
import { restoreBackup } from "@/lib/backup/restore-backup";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const backupFile = process.argv[2];
if (!backupFile) {
  console.error("Cách dùng: npm run restore -- <tệp sao lưu .tar>");
  process.exit(2);
}

await runMaintenance("npm run restore", { code: 1, message: "Khôi phục thất bại" }, async (database) => {
  await deployMigrations(database.url);
  const manifest = await restoreBackup(database.url, backupFile);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`Đã khôi phục ${backupFile} (sao lưu lúc ${manifest.createdAt}): ${manifest.tables.length} bảng, ${rows} dòng, ${manifest.blobs.length} tệp PDF vào kho lưu trữ.`);
  return 0;
});
