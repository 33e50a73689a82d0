import { prisma } from "@/lib/db/client";

/** Active accounts with the UNIT_HEAD role, for the "assign a head" picker. */
export async function listHeadCandidates() {
  const users = await prisma.user.findMany({
    where: { role: "UNIT_HEAD", active: true },
    orderBy: { fullName: "asc" },
    select: { id: true, fullName: true, email: true, unit: { select: { name: true } } },
  });
  return users.map((u) => ({ id: u.id, fullName: u.fullName, email: u.email, unitName: u.unit?.name ?? null }));
}
