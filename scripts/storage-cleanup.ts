// npm run storage:cleanup [-- --dry-run] [-- --grace-minutes=60]: removes blobs no database row references,
// written more than the grace period ago (see lib/storage/remove-orphan-blobs.ts). Run it from one place only.
import { runMaintenance } from "@/lib/db/run-maintenance";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const graceArg = args.find((a) => a.startsWith("--grace-minutes="));
const graceMinutes = graceArg ? Number(graceArg.slice("--grace-minutes=".length)) : 60;
const unknown = args.filter((a) => a !== "--dry-run" && a !== graceArg);
if (unknown.length > 0 || !Number.isFinite(graceMinutes) || graceMinutes < 0) {
  console.error("Cách dùng: npm run storage:cleanup [-- --dry-run] [--grace-minutes=60]");
  process.exit(2);
}

await runMaintenance("npm run storage:cleanup", { code: 1, message: "Dọn kho lưu trữ thất bại" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { prisma } = await import("@/lib/db/client");
  const { currentBlobStore } = await import("@/lib/storage/current-blob-store");
  const { removeOrphanBlobs } = await import("@/lib/storage/remove-orphan-blobs");
  const store = currentBlobStore();
  const result = await removeOrphanBlobs({ store, graceMs: graceMinutes * 60_000, dryRun });
  await prisma.$disconnect();
  for (const orphan of result.orphans) console.log(`${dryRun ? "sẽ xóa" : "đã xóa"} ${orphan.key} (ghi lúc ${orphan.modifiedAt.toISOString()})`);
  console.log(
    `${store.location}: ${result.orphans.length} tệp không còn dòng nào tham chiếu ${dryRun ? "sẽ bị xóa (chạy thử, chưa xóa gì)" : "đã xóa"}; ` +
      `${result.referenced} tệp đang dùng; ${result.young} tệp mới ghi trong ${graceMinutes} phút được giữ lại.`,
  );
  return 0;
});
