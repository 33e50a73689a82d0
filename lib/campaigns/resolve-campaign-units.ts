import type { Prisma } from "@/lib/generated/prisma/client";
import type { UnitSelection } from "./campaign-schemas";

export type CampaignUnit = {
  id: string;
  name: string;
  kind: "AGENCY" | "WARD" | "COMMUNE";
  head: { id: string; fullName: string; jobTitle: string } | null;
};

/** The active units a selection names, each with its active head (null when it has none). */
export async function resolveCampaignUnits(
  db: Prisma.TransactionClient,
  selection: UnitSelection,
): Promise<{ units: CampaignUnit[]; unknownIds: string[] }> {
  const where: Prisma.UnitWhereInput =
    selection.mode === "ALL"
      ? { active: true }
      : selection.mode === "KINDS"
        ? { active: true, kind: { in: selection.kinds } }
        : { active: true, id: { in: selection.unitIds } };
  const rows = await db.unit.findMany({
    where,
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      users: { where: { role: "UNIT_HEAD", active: true }, select: { id: true, fullName: true, jobTitle: true }, take: 1 },
    },
  });
  const found = new Set(rows.map((r) => r.id));
  const unknownIds = selection.mode === "UNITS" ? selection.unitIds.filter((id) => !found.has(id)) : [];
  return { units: rows.map(({ users, ...unit }) => ({ ...unit, head: users[0] ?? null })), unknownIds };
}
