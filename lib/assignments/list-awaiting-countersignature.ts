import { prisma } from "@/lib/db/client";

/** SIGNED assignments waiting for the chairperson, grouped by launched campaign. */
export async function listAwaitingCountersignature() {
  const rows = await prisma.assignment.findMany({
    where: { status: "SIGNED", campaign: { status: "LAUNCHED" } },
    orderBy: [{ campaign: { createdAt: "desc" } }, { signedAt: "asc" }],
    select: { id: true, campaignId: true, campaign: { select: { name: true } }, unit: { select: { name: true } } },
  });
  const byCampaign = new Map<string, { campaignId: string; campaignName: string; items: { id: string; unitName: string }[] }>();
  for (const row of rows) {
    const group = byCampaign.get(row.campaignId) ?? { campaignId: row.campaignId, campaignName: row.campaign.name, items: [] };
    group.items.push({ id: row.id, unitName: row.unit.name });
    byCampaign.set(row.campaignId, group);
  }
  return [...byCampaign.values()];
}
