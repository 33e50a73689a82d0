// npm run storage:move-out: copies the PDFs still kept in database rows into the blob store (see
// lib/storage/move-out-legacy-files.ts). Safe to run while camket runs, safe to stop and run again.
import { runMaintenance } from "@/lib/db/run-maintenance";

await runMaintenance("npm run storage:move-out", { code: 1, message: "Chuyển tệp ra kho lưu trữ thất bại" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { prisma } = await import("@/lib/db/client");
  const { currentBlobStore } = await import("@/lib/storage/current-blob-store");
  const { moveOutLegacyFiles } = await import("@/lib/storage/move-out-legacy-files");
  const store = currentBlobStore();
  console.log(`Chuyển tệp PDF từ cơ sở dữ liệu sang ${store.location}…`);
  const report = await moveOutLegacyFiles({ store, log: console.log });
  await prisma.$disconnect();
  console.log(`Xong: ${report.moved} tệp (${(report.bytes / 1e6).toFixed(1)} MB) đã chuyển; không còn tệp nào chờ chuyển.`);
  if (report.corrupted.length === 0) return 0;
  console.error(`${report.corrupted.length} tệp trong cơ sở dữ liệu không khớp mã SHA-256 nên được giữ nguyên: ${report.corrupted.join(", ")}`);
  return 1;
});
