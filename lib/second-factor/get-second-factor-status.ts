import { prisma } from "@/lib/db/client";

/** For the security page and the admin's user page: on since when, and how many recovery codes remain. */
export async function getSecondFactorStatus(userId: string): Promise<{ enabledAt: Date; recoveryCodesLeft: number } | null> {
  const row = await prisma.secondFactor.findUnique({ where: { userId }, select: { enabledAt: true, recoveryCodes: true } });
  return row?.enabledAt ? { enabledAt: row.enabledAt, recoveryCodesLeft: row.recoveryCodes.length } : null;
}

export const hasSecondFactor = async (userId: string) => (await getSecondFactorStatus(userId)) !== null;
