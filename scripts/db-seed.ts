/** `npm run db:seed`: seeds the demo city (idempotent) into DATABASE_URL, the running app's database, or the embedded one. */
import { runMaintenance } from "@/lib/db/run-maintenance";

await runMaintenance("npm run db:seed", { code: 1, message: "Không gieo được dữ liệu mẫu" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("@/lib/db/client");
  const { seedDemoData } = await import("@/prisma/seed");
  const result = await seedDemoData(prisma);
  console.log(`Đã gieo dữ liệu mẫu: thêm ${result.createdUnits} đơn vị, ${result.createdUsers} tài khoản (đã có thì giữ nguyên).`);
  await prisma.$disconnect();
  return 0;
});
