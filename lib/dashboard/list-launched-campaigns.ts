import { prisma } from "@/lib/db/client";

/** Launched campaigns, newest first: the dashboard's campaign picker (the first is the default). */
export function listLaunchedCampaigns() {
  return prisma.campaign.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: { launchedAt: "desc" },
    select: { id: true, name: true, deadline: true, remindDaysBefore: true, remindWhenOverdue: true, status: true },
  });
}
