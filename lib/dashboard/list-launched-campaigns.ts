import { prisma } from "@/lib/db/client";

/**
 * Launched campaigns, the open ones first, each group newest first: the dashboard's campaign picker (the first
 * is the default — a closed campaign's archive is final, the day's work is in an open one).
 */
export function listLaunchedCampaigns() {
  return prisma.campaign.findMany({
    where: { status: { not: "DRAFT" } },
    // CampaignStatus is ordered DRAFT, LAUNCHED, CLOSED.
    orderBy: [{ status: "asc" }, { launchedAt: "desc" }],
    select: { id: true, name: true, deadline: true, remindDaysBefore: true, remindWhenOverdue: true, status: true },
  });
}
