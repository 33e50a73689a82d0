import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";

/** The head's own unit's live assignments (superseded revisions are history, not work), newest first. */
export async function listMyAssignments(actor: Actor) {
  if (actor.role !== "UNIT_HEAD" || !actor.unitId) return [];
  return prisma.assignment.findMany({
    where: { unitId: actor.unitId, status: { not: "SUPERSEDED" }, campaign: { status: { not: "DRAFT" } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      revision: true,
      firstViewedAt: true,
      signedAt: true,
      countersignedAt: true,
      declinedAt: true,
      campaign: { select: { name: true, deadline: true } },
    },
  });
}
