import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "Chưa đặt DATABASE_URL. Hãy chạy ứng dụng bằng `npm run dev` / `npm start` (tự khởi động PostgreSQL nhúng) hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL.",
    );
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// One client (and one pg pool) per process; the globalThis cache survives Next dev hot reloads.
const cache = globalThis as typeof globalThis & { camketPrisma?: PrismaClient };

export const prisma: PrismaClient = (cache.camketPrisma ??= createPrismaClient());
