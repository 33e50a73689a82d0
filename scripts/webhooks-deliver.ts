// npm run webhooks:deliver: one pass of what the server does every 5 seconds — new audit events become
// webhook deliveries, then every due delivery is sent — for a deployment that runs it from cron instead
// (CAMKET_SCHEDULER=off). See lib/webhooks/webhook-scheduler.ts.
import { runMaintenance } from "@/lib/db/run-maintenance";

if (process.argv.length > 2) {
  console.error("Cách dùng: npm run webhooks:deliver");
  process.exit(2);
}

await runMaintenance("npm run webhooks:deliver", { code: 1, message: "Gửi webhook thất bại" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("@/lib/db/client");
  const { runWebhookCycle } = await import("@/lib/webhooks/webhook-scheduler");
  const run = await runWebhookCycle();
  await prisma.$disconnect();
  console.log(`Đã xếp ${run.queued} sự kiện webhook; gửi được ${run.delivered}, lỗi ${run.failed} (sẽ thử lại).`);
  return 0;
});
