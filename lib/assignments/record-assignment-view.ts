import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { OPEN_STATUSES } from "./assignment-status";

/**
 * The head opened their commitment for the first time: PENDING → VIEWED, the first view time kept on the
 * row, and one ASSIGNMENT_VIEWED audit event — once per revision (a reissue is a new row, so it is viewed
 * afresh), and only while unsigned. Reloads and views after signing record nothing. The conditional update
 * decides: of two concurrent first loads, the second waits for the first's row lock, then matches no row.
 * Other roles' views are not the head's review and change nothing here.
 */
export async function recordAssignmentView(actor: Actor, assignment: { id: string; unitId: string; campaignId: string }, context: AuditContext, now = new Date()) {
  if (actor.role !== "UNIT_HEAD" || actor.unitId !== assignment.unitId) return;
  await prisma.$transaction(async (tx) => {
    const first = await tx.assignment.updateMany({
      where: { id: assignment.id, firstViewedAt: null, status: { in: [...OPEN_STATUSES] } },
      data: { firstViewedAt: now, status: "VIEWED" },
    });
    if (first.count === 0) return;
    await recordAuditEvent(tx, {
      ...context,
      type: "ASSIGNMENT_VIEWED",
      at: now,
      unitId: assignment.unitId,
      campaignId: assignment.campaignId,
      assignmentId: assignment.id,
    });
  });
}
