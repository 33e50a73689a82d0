import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { renderAssignmentPdf } from "@/lib/documents/render-assignment-pdf";
import { parseTemplateContent } from "@/lib/documents/template-content";
import { putFile } from "@/lib/storage/file-store";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";

/**
 * After a decline (CHAIRPERSON or ADMIN): the declined revision is kept as history (SUPERSEDED) and a new
 * revision is rendered for the unit's current head, pending again.
 */
export async function reissueAssignment(actor: Actor | null, assignmentId: string, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "CHAIRPERSON", "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const old = await getAssignmentForActor(actor, assignmentId);
  if (!old) return failure(m.notFound);
  if (old.status !== "DECLINED") return failure(m.onlyDeclinedReissued);
  const head = await prisma.user.findFirst({
    where: { unitId: old.unitId, role: "UNIT_HEAD", active: true },
    select: { id: true, fullName: true, jobTitle: true },
  });
  if (!head) return failure(formatMessage(m.noHead, { unit: old.unit.name }));

  const pdf = await renderAssignmentPdf(parseTemplateContent(old.campaign.templateVersion.content), {
    unit: { name: old.unit.name, kind: old.unit.kind },
    headName: head.fullName,
    headTitle: head.jobTitle,
    documentDate: old.campaign.documentDate,
  });
  return prisma.$transaction(async (tx) => {
    const superseded = await tx.assignment.updateMany({ where: { id: old.id, status: "DECLINED" }, data: { status: "SUPERSEDED" } });
    if (superseded.count === 0) return failure(m.reissuedByOther);
    const sha256 = await putFile(tx, pdf.bytes);
    const id = randomUUID();
    await tx.assignment.create({
      data: {
        id,
        campaignId: old.campaignId,
        unitId: old.unitId,
        revision: old.revision + 1,
        headUserId: head.id,
        headName: head.fullName,
        headTitle: head.jobTitle,
        documentSha256: sha256,
        documents: {
          create: { kind: "ORIGINAL", sha256, signatureSlots: pdf.signatureSlots as Prisma.InputJsonValue, createdById: actor.id },
        },
      },
    });
    await recordAuditEvent(tx, {
      ...context,
      type: "ASSIGNMENT_REISSUED",
      at: now,
      unitId: old.unitId,
      campaignId: old.campaignId,
      assignmentId: id,
      data: { previousAssignmentId: old.id, revision: old.revision + 1, declineReason: old.declineReason },
    });
    return success(formatMessage(m.reissued, { unit: old.unit.name, revision: old.revision + 1 }));
  });
}
