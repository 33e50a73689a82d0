import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditChainReport } from "@/lib/audit/verify-audit-chain";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { reportSections } from "./report-sections";
import { renderValidationReport } from "./render-validation-report";
import { verifyStoredDocument } from "./verify-stored-document";
import { recordValidationDataRejected } from "./record-validation-data-rejected";

export type ReportSubject = {
  assignmentId: string;
  campaignName: string;
  unitName: string;
  outgoing: { number: number; issuedAt: Date } | null;
  document: { bytes: Uint8Array; sha256: string; fileName: string; kind: DocumentKind };
};

/**
 * The report's PDF for one assignment's stored version: the verifier over its bytes, its audit events and
 * archive timestamps. No access check (callers make it); the chain check is passed in, so a campaign's ZIP
 * walks the audit log once for all its reports. Validation data in the file that the verifier rejected is audited
 * (record-validation-data-rejected.ts).
 */
export async function buildValidationReport(actor: Actor, subject: ReportSubject, chain: AuditChainReport, now = new Date()): Promise<Uint8Array> {
  const { assignmentId, document } = subject;
  const certificate = { select: { subject: true, serialHex: true, notBefore: true, notAfter: true, sha256Fingerprint: true } };
  const [verification, events, archiveTimestamps, signedVersions] = await Promise.all([
    verifyStoredDocument(actor, document.bytes, document.fileName),
    prisma.auditEvent.findMany({ where: { assignmentId }, orderBy: { id: "asc" }, select: { at: true, type: true, actorEmail: true } }),
    prisma.archiveTimestamp.findMany({ where: { assignmentId }, orderBy: { createdAt: "asc" } }),
    // Which certificate made each stored signature (the record kept at signing), for its details.
    prisma.assignmentDocument.findMany({
      where: { assignmentId, kind: { not: "ORIGINAL" } },
      orderBy: { createdAt: "asc" },
      select: { kind: true, certificate: { select: { ...certificate.select, issuerSubject: true } }, organisationCertificate: certificate },
    }),
  ]);
  if (verification.ok) await recordValidationDataRejected(actor, assignmentId, document.sha256, verification.rejectedValidationData);
  const certificates = signedVersions.flatMap((v) => {
    const c = v.certificate ?? v.organisationCertificate;
    return c ? [{ kind: v.kind, issuerSubject: null, ...c }] : [];
  });
  return renderValidationReport({
    subtitle: `${subject.campaignName} — ${subject.unitName}`,
    generatedAt: formatSigningTime(now),
    sections: reportSections({ subject, verification, events, chain, archiveTimestamps, certificates }),
  });
}
