// npm run archive:renew [-- --days=N]: renews now every archived document whose last document timestamp's TSA
// certificate ends within N days (default CAMKET_ARCHIVE_RENEW_DAYS, 180) — what the server does every 6 hours,
// for a deployment that runs it from cron instead (CAMKET_SCHEDULER=off). See lib/long-term/renew-archive-timestamps.ts.
import { runMaintenance } from "@/lib/db/run-maintenance";

const args = process.argv.slice(2);
const daysArg = args.find((a) => a.startsWith("--days="));
const days = daysArg ? Number(daysArg.slice("--days=".length)) : undefined;
if (args.some((a) => a !== daysArg) || (days !== undefined && (!Number.isInteger(days) || days < 0))) {
  console.error("Cách dùng: npm run archive:renew [-- --days=180]");
  process.exit(2);
}

await runMaintenance("npm run archive:renew", { code: 1, message: "Gia hạn dấu thời gian lưu trữ thất bại" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("@/lib/db/client");
  const { archiveRenewDays, renewArchiveTimestamps } = await import("@/lib/long-term/renew-archive-timestamps");
  const withinDays = days ?? archiveRenewDays();
  const total = { renewed: 0, lost: 0, failed: 0 };
  // Batch after batch with one `now`, so what this command renewed is not due again within it.
  const now = new Date();
  for (let more = true; more; ) {
    const run = await renewArchiveTimestamps({ now, withinDays });
    for (const key of ["renewed", "lost", "failed"] as const) total[key] += run[key];
    more = run.more && run.renewed > 0;
  }
  await prisma.$disconnect();
  console.log(
    `Đã gia hạn ${total.renewed} văn bản có dấu thời gian lưu trữ hết hạn trong ${withinDays} ngày tới; ` +
      `${total.lost} do máy chủ khác gia hạn trước; ${total.failed} chưa được vì máy chủ dấu thời gian lỗi.`,
  );
  return total.failed > 0 ? 1 : 0;
});
