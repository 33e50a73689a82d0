import { prisma } from "@/lib/db/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { DASHBOARD_STATUSES, type DashboardStatus } from "./dashboard-status";

type Counts = Record<DashboardStatus, number>;
const zero = (): Counts => Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Counts;

export type CampaignSummary = { total: number; totals: Counts; byKind: Record<UnitKind, Counts & { total: number }> };

/** Counts by unit kind × status in one GROUP BY, whatever the number of units. */
export async function getCampaignSummary(campaignId: string, now = new Date()): Promise<CampaignSummary> {
  const rows = await prisma.$queryRaw<{ kind: UnitKind; status: DashboardStatus; count: number }[]>`
    SELECT u.kind::text AS kind,
           CASE WHEN a.status IN ('PENDING', 'VIEWED') AND c.deadline < ${now} THEN 'OVERDUE' ELSE a.status::text END AS status,
           count(*)::int AS count
    FROM "Assignment" a
    JOIN "Unit" u ON u.id = a."unitId"
    JOIN "Campaign" c ON c.id = a."campaignId"
    WHERE a."campaignId" = ${campaignId} AND a.status <> 'SUPERSEDED'
    GROUP BY 1, 2`;
  const summary: CampaignSummary = {
    total: 0,
    totals: zero(),
    byKind: { AGENCY: { ...zero(), total: 0 }, WARD: { ...zero(), total: 0 }, COMMUNE: { ...zero(), total: 0 } },
  };
  for (const row of rows) {
    summary.total += row.count;
    summary.totals[row.status] += row.count;
    summary.byKind[row.kind][row.status] += row.count;
    summary.byKind[row.kind].total += row.count;
  }
  return summary;
}
