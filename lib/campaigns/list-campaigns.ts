import { prisma } from "@/lib/db/client";

/** Campaigns, newest first, with their assignment counts by status (one GROUP BY, not a query per campaign). */
export async function listCampaigns() {
  const [campaigns, counts] = await Promise.all([
    prisma.campaign.findMany({
      orderBy: { createdAt: "desc" },
      select: { id: true, name: true, status: true, deadline: true, launchedAt: true, templateVersion: { select: { version: true } } },
    }),
    prisma.assignment.groupBy({ by: ["campaignId", "status"], where: { status: { not: "SUPERSEDED" } }, _count: { _all: true } }),
  ]);
  return campaigns.map((c) => {
    const mine = counts.filter((row) => row.campaignId === c.id);
    const count = (...statuses: string[]) => mine.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + r._count._all, 0);
    return { ...c, total: count("PENDING", "VIEWED", "SIGNED", "COMPLETED", "DECLINED"), signed: count("SIGNED", "COMPLETED"), completed: count("COMPLETED") };
  });
}
