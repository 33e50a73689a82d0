import type { Actor } from "@/lib/auth/find-active-user";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { getFile } from "@/lib/storage/file-store";
import { recordDocumentDownload } from "./record-document-download";
import type { AuditContext } from "@/lib/audit/audit-types";
import { getAssignmentForActor } from "./get-assignment-for-actor";
import { documentFileName } from "./document-file-name";

/**
 * One stored version of an assignment's PDF for someone allowed to see it (the unit's head or a city-level
 * role), the latest when `kind` is omitted. Downloads are audited; inline viewing is not a download.
 */
export async function getAssignmentPdf(
  actor: Actor | null,
  assignmentId: string,
  options: { kind?: DocumentKind; download?: boolean; context?: AuditContext } = {},
) {
  const assignment = await getAssignmentForActor(actor, assignmentId);
  if (!actor || !assignment) return null;
  const document = options.kind ? assignment.documents.find((d) => d.kind === options.kind) : assignment.documents.at(-1);
  if (!document) return null;
  const bytes = await getFile(document.sha256);
  if (!bytes) return null;
  if (options.download) await recordDocumentDownload(assignment, { kind: document.kind, sha256: document.sha256 }, options.context);
  return { bytes, sha256: document.sha256, kind: document.kind, fileName: documentFileName(assignment.unit.slug, document.kind, assignment.revision) };
}
