import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema } from "@/lib/forms/text-fields";
import { registerNumber } from "./register-number";

const receiptSchema = z
  .object({
    reference: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/).optional(),
  })
  .strict();

export type Receipt = { numberAndCode: string; issuedAt: Date; receivedAt: Date; reference: string | null };
export type AcknowledgeResult = { ok: true; receipt: Receipt; first: boolean } | { ok: false; reason: "notFound" | "invalid"; detail?: string };

/**
 * The document-management system says it has received an issued document (and, if it has one, under which of its
 * own references). Recorded once: a repeated acknowledgement answers with the first one and changes nothing, so a
 * DMS retrying after a timeout cannot move the date. ADMIN tokens with the `issue` scope (checked by the route).
 */
export async function acknowledgeIssuedDocument(actor: Actor, assignmentId: unknown, input: unknown, context: AuditContext = {}, now = new Date()): Promise<AcknowledgeResult> {
  if (!hasRole(actor, "ADMIN") || !idSchema("assignment").safeParse(assignmentId).success) return { ok: false, reason: "notFound" };
  const parsed = receiptSchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, reason: "invalid", detail: "reference: tối đa 100 ký tự, không có ký tự điều khiển; không có trường nào khác." };
  return prisma.$transaction(async (tx) => {
    const acknowledged = await tx.outgoingDocument.updateMany({
      where: { assignmentId: assignmentId as string, receivedAt: null },
      data: { receivedAt: now, receivedReference: parsed.data.reference ?? null },
    });
    const document = await tx.outgoingDocument.findUnique({ where: { assignmentId: assignmentId as string }, include: { assignment: { select: { unitId: true, campaignId: true } } } });
    if (!document?.receivedAt) return { ok: false, reason: "notFound" } as const;
    if (acknowledged.count) {
      await recordAuditEvent(tx, {
        ...context,
        type: "ISSUED_DOCUMENT_RECEIVED",
        assignmentId: document.assignmentId,
        unitId: document.assignment.unitId,
        campaignId: document.assignment.campaignId,
        data: { number: document.number, code: document.code, reference: document.receivedReference },
      });
    }
    const receipt = { numberAndCode: registerNumber(document.number, document.code), issuedAt: document.issuedAt, receivedAt: document.receivedAt, reference: document.receivedReference };
    return { ok: true, receipt, first: acknowledged.count > 0 } as const;
  });
}
