import type { Prisma } from "@/lib/generated/prisma/client";
import { UNSIGNED_STATUSES } from "./assignment-status";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { newHeadMessage } from "@/lib/reminders/reminder-message";
import { queueReminders, type QueuedReminder } from "@/lib/reminders/queue-reminders";
import { appUrl } from "@/lib/reminders/app-url";
import { renderRevision, storeNextRevision, type RevisionHead } from "./issue-next-revision";


/**
 * A unit has a new head (inside the caller's transaction): every unsigned assignment of the unit that
 * names someone else is superseded and reissued as a new revision printed with the new head's name, and
 * the new head gets a message for each (stored in the same transaction; e-mailed after the commit by the
 * caller). Superseding comes first: it takes the row locks, so a head's signature racing with this either
 * committed before (the row is SIGNED and left alone) or finds the row superseded and stores nothing.
 */
export async function reissueForNewHead(
  tx: Prisma.TransactionClient,
  { unitId, head, actorId, context, now }: { unitId: string; head: RevisionHead & { email: string }; actorId: string; context: AuditContext; now: Date },
): Promise<{ reissued: number; messages: QueuedReminder[] }> {
  const superseded = await tx.assignment.updateManyAndReturn({
    // A closed campaign's archive is final: its unsigned copies stay in the former head's name.
    where: { unitId, status: { in: [...UNSIGNED_STATUSES] }, headUserId: { not: head.id }, campaign: { status: { not: "CLOSED" } } },
    data: { status: "SUPERSEDED" },
    select: {
      id: true,
      campaignId: true,
      unitId: true,
      revision: true,
      headUserId: true,
      declineReason: true,
      unit: { select: { name: true, kind: true } },
      campaign: { select: { name: true, deadline: true, documentDate: true, recipients: true, documentTypeCode: true, templateVersion: { select: { content: true } } } },
    },
  });
  const drafts = [];
  for (const old of superseded) {
    const next = await storeNextRevision(tx, old, head, await renderRevision(old, head, tx), actorId);
    await recordAuditEvent(tx, {
      ...context,
      type: "ASSIGNMENT_REISSUED",
      at: now,
      unitId,
      campaignId: old.campaignId,
      assignmentId: next.id,
      data: { previousAssignmentId: old.id, revision: next.revision, reason: "head-changed", previousHeadUserId: old.headUserId, headUserId: head.id, declineReason: old.declineReason },
    });
    drafts.push({
      assignmentId: next.id,
      unitId,
      campaignId: old.campaignId,
      recipientEmail: head.email,
      ...newHeadMessage({ headName: head.fullName, unitName: old.unit.name, campaignName: old.campaign.name, deadline: old.campaign.deadline, link: `${appUrl()}/cam-ket/${next.id}` }),
    });
  }
  const messages = await queueReminders(tx, drafts, { kind: "MANUAL", sentById: actorId, context, now });
  return { reissued: superseded.length, messages };
}

/**
 * Every other path that can leave `user` as a unit's active head (an account created or edited as a head,
 * a head reactivated) reissues exactly as assigning the head does; anyone else changes nothing.
 */
export async function reissueForHeadIfActive(
  tx: Prisma.TransactionClient,
  user: RevisionHead & { email: string; role: string; active: boolean; unitId: string | null },
  rest: { actorId: string; context: AuditContext; now: Date },
): Promise<QueuedReminder[]> {
  if (user.role !== "UNIT_HEAD" || !user.active || !user.unitId) return [];
  return (await reissueForNewHead(tx, { unitId: user.unitId, head: user, ...rest })).messages;
}
