import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";

/**
 * The head opened their commitment: an audit event each time, and the first view time kept on the row
 * (PENDING → VIEWED once). Other roles' views are not the head's review and change nothing here.
 */
export async function recordAssignmentView(actor: Actor, assignment: { id: string; unitId: string; campaignId: string }, context: AuditContext, now = new Date()) {
  if (actor.role !== "UNIT_HEAD" || actor.unitId !== assignment.unitId) return;
  await prisma.$transaction(async (tx) => {
    await tx.assignment.updateMany({ where: { id: assignment.id, firstViewedAt: null }, data: { firstViewedAt: now } });
    await tx.assignment.updateMany({ where: { id: assignment.id, status: "PENDING" }, data: { status: "VIEWED" } });
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
