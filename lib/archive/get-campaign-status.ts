import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { registerNumber } from "@/lib/issuance/register-number";
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
          issuedAt: true,
          outgoing: { select: { number: true, code: true, issuedAt: true, issuingBody: { select: { name: true } } } },
          unit: { select: { name: true, code: true, kind: true } },
          documents: { orderBy: { createdAt: "asc" }, select: { kind: true, sha256: true } },
        },
      },
    },
  });
  if (!campaign) return null;
  const counts: Record<string, number> = {};
  for (const a of campaign.assignments) counts[a.status] = (counts[a.status] ?? 0) + 1;
  const assignments = campaign.assignments.map(({ outgoing, ...a }) => ({
    ...a,
    issuance: outgoing && {
      numberAndCode: registerNumber(outgoing.number, outgoing.code),
      number: outgoing.number,
      code: outgoing.code,
      issuedAt: outgoing.issuedAt,
      issuingBody: outgoing.issuingBody.name,
    },
  }));
  return { ...campaign, assignments, counts };
}
