import { prisma } from "@/lib/db/client";
import type { AssignmentStatus, UnitKind } from "@/lib/generated/prisma/enums";
import { DASHBOARD_STATUSES, dashboardStatus, type DashboardStatus } from "./dashboard-status";

type Counts = Record<DashboardStatus, number>;
const zero = (): Counts => Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Counts;

export type CampaignSummary = { total: number; totals: Counts; byKind: Record<UnitKind, Counts & { total: number }> };

/**
 * Counts by unit kind × status, whatever the number of units. Grouped on the two enum columns of the assignment
 * row (the unit's kind is copied there), with no join and no per-row CASE: OVERDUE is one deadline for the whole
 * campaign, so it is derived here from the few groups rather than in SQL from every row.
 */
export async function getCampaignSummary(campaignId: string, now = new Date()): Promise<CampaignSummary> {
  const rows = await prisma.$queryRaw<{ kind: UnitKind; status: AssignmentStatus; count: number; deadline: Date }[]>`
    SELECT a."unitKind"::text AS kind, a.status::text AS status, count(*)::int AS count,
           (SELECT deadline FROM "Campaign" WHERE id = ${campaignId}) AS deadline
    FROM "Assignment" a
    WHERE a."campaignId" = ${campaignId} AND a.status <> 'SUPERSEDED'
    GROUP BY 1, 2`;
  const summary: CampaignSummary = {
    total: 0,
    totals: zero(),
    byKind: { AGENCY: { ...zero(), total: 0 }, WARD: { ...zero(), total: 0 }, COMMUNE: { ...zero(), total: 0 } },
  };
  for (const row of rows) {
    const status = dashboardStatus(row.status, row.deadline, now);
    summary.total += row.count;
    summary.totals[status] += row.count;
    summary.byKind[row.kind][status] += row.count;
    summary.byKind[row.kind].total += row.count;
  }
  return summary;
}
