// npm run backup [-- <file.tar>]: one consistent archive of camket (see lib/backup/create-backup.ts) from
// DATABASE_URL, or from the embedded database (through the running app when there is one).
import { runMaintenance } from "@/lib/db/run-maintenance";
import { createBackup } from "@/lib/backup/create-backup";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
const outFile = process.argv[2] ?? `camket-backup-${stamp}.tar`;

await runMaintenance("npm run backup", { code: 1, message: "Sao lưu thất bại" }, async (database) => {
  const manifest = await createBackup(database.url, outFile);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`Đã sao lưu vào ${outFile}: ${manifest.tables.length} bảng, ${rows} dòng, ${manifest.blobs.length} tệp PDF từ kho lưu trữ.`);
  return 0;
});
