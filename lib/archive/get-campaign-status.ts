import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { canUseArchive } from "./archive-access";

/** One campaign's live assignments and counts by status, for the API. Null when not allowed or not found. */
export async function getCampaignStatus(actor: Actor | null, campaignId: string) {
  if (!canUseArchive(actor) || !z.uuid().safeParse(campaignId).success) return null;
  const campaign = await prisma.campaign.findFirst({
    where: { id: campaignId, status: { not: "DRAFT" } },
    select: {
      id: true,
      name: true,
      status: true,
      deadline: true,
      launchedAt: true,
      assignments: {
        where: { status: { not: "SUPERSEDED" } },
        orderBy: { unit: { sortOrder: "asc" } },
        select: {
          id: true,
          revision: true,
          status: true,
          headName: true,
          documentSha256: true,
          signedAt: true,
          countersignedAt: true,
          declinedAt: true,
          unit: { select: { name: true, code: true, kind: true } },
          documents: { orderBy: { createdAt: "asc" }, select: { kind: true, sha256: true } },
        },
      },
    },
  });
  if (!campaign) return null;
  const counts: Record<string, number> = {};
  for (const a of campaign.assignments) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return { ...campaign, counts };
}
