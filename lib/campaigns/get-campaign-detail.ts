import { prisma } from "@/lib/db/client";
import { idSchema } from "@/lib/forms/text-fields";
import { unitSelectionSchema } from "./campaign-schemas";
import { resolveCampaignUnits } from "./resolve-campaign-units";

/**
 * A campaign with its live assignments; for a draft, the units it would reach and which of them still
 * lack a head (what would block the launch).
 */
export async function getCampaignDetail(id: string) {
  if (!idSchema("campaign").safeParse(id).success) return null;
  const campaign = await prisma.campaign.findUnique({
    where: { id },
    include: {
      templateVersion: { select: { id: true, version: true, status: true, contentHash: true } },
      assignments: {
        where: { status: { not: "SUPERSEDED" } },
        orderBy: [{ unit: { kind: "asc" } }, { unit: { sortOrder: "asc" } }],
        select: {
          id: true,
          status: true,
          revision: true,
          headName: true,
          documentSha256: true,
          firstViewedAt: true,
          signedAt: true,
          countersignedAt: true,
          declinedAt: true,
          declineReason: true,
          unit: { select: { id: true, name: true, kind: true } },
        },
      },
    },
  });
  if (!campaign) return null;
  const draftUnits = campaign.status === "DRAFT" ? (await resolveCampaignUnits(prisma, unitSelectionSchema.parse(campaign.unitSelection))).units : [];
  return { ...campaign, draftUnits };
}
