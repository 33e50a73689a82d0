import { prisma } from "@/lib/db/client";

/** Counts for the admin home: active units by kind, active users by role, units still without a head. */
export async function getAdminOverview() {
  const [unitsByKind, usersByRole, unitsWithoutHead] = await Promise.all([
    prisma.unit.groupBy({ by: ["kind"], where: { active: true }, _count: { _all: true } }),
    prisma.user.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } }),
    prisma.unit.findMany({
      where: { active: true, users: { none: { role: "UNIT_HEAD", active: true } } },
      select: { id: true, name: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  return {
    unitsByKind: Object.fromEntries(unitsByKind.map((g) => [g.kind, g._count._all])),
    usersByRole: Object.fromEntries(usersByRole.map((g) => [g.role, g._count._all])),
    unitsWithoutHead,
  };
}
