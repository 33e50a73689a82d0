import { prisma } from "@/lib/db/client";
import { unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { renderRevision, storeNextRevision } from "@/lib/assignments/issue-next-revision";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { campaignClosedRefusal } from "@/lib/campaigns/campaign-open-refusal";

/**
 * After a decline (CHAIRPERSON or ADMIN): the declined revision is kept as history (SUPERSEDED) and a new
 * revision is rendered for the unit's current head, pending again — never in a closed campaign.
 */
export async function reissueAssignment(actor: Actor | null, assignmentId: string, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "CHAIRPERSON", "ADMIN")) return forbidden(actor);
  const messages = messagesFor(actor);
  const m = messages.signing.results;
  const old = await getAssignmentForActor(actor, assignmentId);
  if (!old) return failure(m.notFound);
  const closed = campaignClosedRefusal(old.campaign, messages);
  if (closed) return failure(closed);
  if (old.status !== "DECLINED") return failure(m.onlyDeclinedReissued);
  const head = await prisma.user.findFirst({
    where: { unitId: old.unitId, role: "UNIT_HEAD", active: true },
    select: { id: true, fullName: true, jobTitle: true },
  });
  if (!head) return failure(formatMessage(m.noHead, { unit: old.unit.name }));

  let pdf;
  try {
    pdf = await renderRevision(old, head);
  } catch (error) {
    const refusal = unprintableRefusal(error, actor);
    if (refusal === null) throw error;
    return failure(refusal);
  }
  return prisma.$transaction(async (tx) => {
    const superseded = await tx.assignment.updateMany({ where: { id: old.id, status: "DECLINED", campaign: { status: { not: "CLOSED" } } }, data: { status: "SUPERSEDED" } });
    if (superseded.count === 0) return failure(m.reissuedByOther);
    const next = await storeNextRevision(tx, old, head, pdf, actor.id);
    await recordAuditEvent(tx, {
      ...context,
      type: "ASSIGNMENT_REISSUED",
      at: now,
      unitId: old.unitId,
      campaignId: old.campaignId,
      assignmentId: next.id,
      data: { previousAssignmentId: old.id, revision: next.revision, declineReason: old.declineReason },
    });
    return success(formatMessage(m.reissued, { unit: old.unit.name, revision: next.revision }));
  });
}
