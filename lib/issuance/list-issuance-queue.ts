import { prisma } from "@/lib/db/client";

export type QueueRow = { id: string; unitName: string; campaignName: string; headName: string; countersignedAt: Date | null };

/**
 * The body's COMPLETED assignments across launched, open campaigns — its own units', plus for the city body
 * those of units without a body of their own (they print and register under the city) — oldest countersignature first.
 */
export async function listIssuanceQueue(bodyId: string): Promise<QueueRow[]> {
  const city = await prisma.issuingBody.findFirst({ where: { id: bodyId, isCity: true }, select: { id: true } });
  const rows = await prisma.assignment.findMany({
    where: {
      status: "COMPLETED",
      campaign: { status: "LAUNCHED", closedAt: null },
      unit: city ? { OR: [{ issuingBodyId: bodyId }, { issuingBodyId: null }] } : { issuingBodyId: bodyId },
    },
    orderBy: [{ countersignedAt: "asc" }, { id: "asc" }],
    select: { id: true, headName: true, countersignedAt: true, unit: { select: { name: true } }, campaign: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, unitName: r.unit.name, campaignName: r.campaign.name, headName: r.headName, countersignedAt: r.countersignedAt }));
}
