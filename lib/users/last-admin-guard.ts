import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * True when `userId` is the only active ADMIN. Locks the admin rows for the rest of the transaction so
 * two admins demoting each other at once cannot leave the city with none.
 */
export async function isLastActiveAdmin(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  return admins.length === 1 && admins[0].id === userId;
}
