/** `npm run db:seed`: seeds the demo city (idempotent) into DATABASE_URL or the embedded database. */
import { resolveDatabaseUrl } from "@/lib/db/embedded-server";

const database = await resolveDatabaseUrl();
process.env.DATABASE_URL = database.url;
const { prisma } = await import("@/lib/db/client");
const { seedDemoData } = await import("@/prisma/seed");
const result = await seedDemoData(prisma);
console.log(`Đã gieo dữ liệu mẫu: thêm ${result.createdUnits} đơn vị, ${result.createdUsers} tài khoản (đã có thì giữ nguyên).`);
await prisma.$disconnect();
await database.stop();
process.exit(0);
