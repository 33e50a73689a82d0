import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RejectedData } from "@/lib/verification/verify-uploaded-pdf";

/**
 * Audits that a stored version of an assignment carries validation data the verifier rejected (an OCSP response
 * signed by an unauthorised key or about another certificate, an expired or forged CRL…), as one
 * VALIDATION_DATA_REJECTED event with every reason. Once per stored version (its SHA-256): the report is made
 * again on each view, and the bytes, hence the findings, never change. The check runs after the audit chain's
 * lock is taken, so two reports made at once still record it once.
 */
export async function recordValidationDataRejected(actor: Actor, assignmentId: string, sha256: string, rejected: RejectedData[]): Promise<void> {
  if (rejected.length === 0) return;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT camket_audit_chain_head()`;
    const recorded = await tx.auditEvent.findFirst({ where: { assignmentId, type: "VALIDATION_DATA_REJECTED", data: { path: ["sha256"], equals: sha256 } }, select: { id: true } });
    if (recorded) return;
    const { unitId, campaignId } = await tx.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { unitId: true, campaignId: true } });
    // The reasons in words (Vietnamese, like the report) and as codes; the times are already in the words.
    const reasons = rejected.map(({ signature, kind, certificate, reason, message }) => ({ signature, kind, certificate, reason, message }));
    await recordAuditEvent(tx, { type: "VALIDATION_DATA_REJECTED", actorId: actor.id, actorEmail: actor.email, unitId, campaignId, assignmentId, data: { sha256, rejected: reasons } });
  });
}
