import { prisma } from "@/lib/db/client";
import type { AuditContext } from "@/lib/audit/audit-types";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Audits one download of an assignment's file (its PDF, or the validation report on it) as DOCUMENT_DOWNLOADED. */
export function recordDocumentDownload(
  assignment: { id: string; unitId: string; campaignId: string },
  data: { kind: string; sha256: string },
  context: AuditContext = {},
) {
  return prisma.$transaction((tx) =>
    recordAuditEvent(tx, { ...context, type: "DOCUMENT_DOWNLOADED", unitId: assignment.unitId, campaignId: assignment.campaignId, assignmentId: assignment.id, data }),
  );
}
