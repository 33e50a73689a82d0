import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";

/**
 * A unit's story in one campaign: every revision (reissues included), their stored documents and every
 * audit event in order, with who and when.
 */
export async function getAssignmentTimeline(actor: Actor | null, assignmentId: string) {
  const assignment = await getAssignmentForActor(actor, assignmentId);
  if (!assignment) return null;
  const revisions = await prisma.assignment.findMany({
    where: { campaignId: assignment.campaignId, unitId: assignment.unitId },
    orderBy: { revision: "asc" },
    select: {
      id: true,
      revision: true,
      status: true,
      headName: true,
      declineReason: true,
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, sha256: true, createdAt: true } },
    },
  });
  const events = await prisma.auditEvent.findMany({
    where: { assignmentId: { in: revisions.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { id: true, at: true, type: true, actorEmail: true, ip: true, data: true },
  });
  return { assignment, revisions, events };
}
