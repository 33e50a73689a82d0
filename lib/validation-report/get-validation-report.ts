import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import { recordDocumentDownload } from "@/lib/assignments/record-document-download";
import { checkAuditChain } from "@/lib/audit/verify-audit-chain";
import { getAssignmentPdf } from "@/lib/assignments/get-assignment-pdf";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { buildValidationReport } from "./build-validation-report";
import { reportFileName } from "./report-sections";

/**
 * The validation report of an assignment's current PDF for someone allowed to see that PDF (the same check as
 * /cam-ket/{id}/pdf, by going through getAssignmentPdf), or null. A download is audited like the PDF's, as
 * DOCUMENT_DOWNLOADED with kind VALIDATION_REPORT and the SHA-256 of the document it reports on.
 */
export async function getValidationReport(actor: Actor | null, assignmentId: string, options: { download?: boolean; context?: AuditContext; now?: Date } = {}) {
  const [pdf, assignment] = await Promise.all([getAssignmentPdf(actor, assignmentId), getAssignmentForActor(actor, assignmentId)]);
  if (!actor || !pdf || !assignment) return null;
  const subject = { assignmentId, campaignName: assignment.campaign.name, unitName: assignment.unit.name, outgoing: assignment.outgoing, document: pdf };
  const bytes = await buildValidationReport(actor, subject, await checkAuditChain(prisma, null), options.now);
  if (options.download) await recordDocumentDownload(assignment, { kind: "VALIDATION_REPORT", sha256: pdf.sha256 }, options.context);
  return { bytes, fileName: reportFileName(pdf.fileName) };
}
