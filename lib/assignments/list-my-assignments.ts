import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { Prisma } from "@/lib/generated/prisma/client";
import { validAt } from "@/lib/delegations/delegation-state";

const SELECT = {
  id: true,
  status: true,
  revision: true,
  firstViewedAt: true,
  signedAt: true,
  countersignedAt: true,
  declinedAt: true,
  reopenedUntil: true,
  headName: true,
  unit: { select: { name: true } },
  campaign: { select: { name: true, deadline: true, status: true } },
} satisfies Prisma.AssignmentSelect;

/**
 * The head's own unit's live assignments (superseded revisions are history, not work), newest first. For a
 * DEPUTY, only while a delegation holds now: those of the heads who delegated to them (in the deputy's own
 * unit), and — under the chairperson's delegation — those awaiting countersignature.
 */
export async function listMyAssignments(actor: Actor, now = new Date()) {
  const live = { status: { not: "SUPERSEDED" as const }, campaign: { status: { not: "DRAFT" as const } } };
  if (actor.role === "UNIT_HEAD" && actor.unitId) {
    return prisma.assignment.findMany({ where: { unitId: actor.unitId, ...live }, orderBy: { createdAt: "desc" }, select: SELECT });
  }
  if (actor.role !== "DEPUTY") return [];
  const delegations = await prisma.delegation.findMany({
    where: { deputyId: actor.id, ...validAt(now) },
    select: { principalId: true, principal: { select: { role: true, active: true } } },
  });
  const heads = delegations.filter((d) => d.principal.role === "UNIT_HEAD").map((d) => d.principalId);
  const forChairperson = delegations.some((d) => d.principal.role === "CHAIRPERSON" && d.principal.active);
  const or: Prisma.AssignmentWhereInput[] = [];
  if (heads.length && actor.unitId) or.push({ headUserId: { in: heads }, unitId: actor.unitId, ...live });
  if (forChairperson) or.push({ status: "SIGNED", campaign: { status: "LAUNCHED" } });
  if (!or.length) return [];
  return prisma.assignment.findMany({ where: { OR: or }, orderBy: { createdAt: "desc" }, take: 500, select: SELECT });
}
