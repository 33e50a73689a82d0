import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { prisma } from "@/lib/db/client";
import { assembleSignedData } from "@/lib/signing/cms-signed-data";
import { checkExternalSignature } from "@/lib/signing/check-external-signature";
import type { PreparedSignature } from "@/lib/signing/pdf-signature-placeholder";
import { embedSignature } from "@/lib/signing/sign-pdf";
import { getFiles, sha256Hex } from "@/lib/storage/file-store";
import { findUsableExternalCertificate } from "@/lib/signer-certificates/find-usable-external-certificate";
import { COUNTERSIGN_CHUNK } from "./countersign-chunk";
import { TimestampError } from "@/lib/signing/timestamp";
import { signatureTimestamperFor } from "@/lib/timestamping/signature-timestamper-for";
import { timestampRefusal } from "@/lib/timestamping/timestamp-refusal";
import { addLongTermData, type LongTermResult } from "@/lib/long-term/add-long-term-data";
import { archivesDocument, storeSignatures, type SignedRevision, type SigningRole } from "./store-signatures";
import { campaignClosedRefusal, signingWindowRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { findValidDelegation } from "@/lib/delegations/find-valid-delegation";
import { signingOnBehalf } from "@/lib/delegations/signing-on-behalf";

const finalizeInputSchema = z.object({
  signatures: z
    .array(
      z.object({
        pendingId: z.uuid(),
        /** The signature value over the signed attributes, base64: ECDSA r‖s or DER, or RSA PKCS#1 v1.5. */
        signature: z.base64().min(4).max(2_000),
      }),
    )
    .min(1)
    .max(COUNTERSIGN_CHUNK),
});

export type FinalizeOutcome = { assignmentId: string; ok: boolean; message: string };
export type FinalizedExternalSignatures = FormResult & { outcomes?: FinalizeOutcome[] };

/**
 * Phase two: the signature values for prepared signatures of the caller's (one, or a chunk signed under one
 * authorization). Each must come before its expiry, once, and verify against the certificate named at
 * prepare over exactly its signed attributes; the certificate is checked again (bound, trusted, valid,
 * unrevoked). Then each CMS is assembled and embedded in the revision kept on the server and all are stored
 * as any signature is, in one statement — each only if its assignment still holds the document it was
 * prepared on. A signature that does not verify changes nothing and leaves its pending signature usable
 * until it expires. What may have changed since prepare is checked again: the campaign closed, the head's
 * deadline passed, a deputy's delegation ended.
 */
export async function finalizeExternalSignatures(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FinalizedExternalSignatures> {
  if (!hasRole(actor, "UNIT_HEAD", "CHAIRPERSON", "DEPUTY")) return forbidden(actor);
  const messages = messagesFor(actor);
  const m = messages.signing.results;
  const parsed = finalizeInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const submitted = new Map(parsed.data.signatures.map((s) => [s.pendingId, s.signature]));
  const rows = await prisma.pendingSignature.findMany({ where: { id: { in: [...submitted.keys()] }, userId: actor.id } });
  const first = rows[0];
  if (!first || rows.length !== submitted.size) return failure(m.pendingNotFound);
  if (!first.method) return failure(m.pendingNotFound);
  if (rows.some((r) => r.certificateId !== first.certificateId || r.role !== first.role)) return failure(m.pendingMixed);
  if (rows.some((r) => r.finalizedAt)) return failure(m.pendingUsed);
  if (rows.some((r) => r.expiresAt <= now)) return failure(m.pendingExpired);

  const certificateDer = new Uint8Array(first.certificateDer);
  const usable = await findUsableExternalCertificate(actor, certificateDer, first.method, now);
  if ("refusal" in usable) return failure(usable.refusal);
  const checked = rows.map((row) => ({ row, check: checkExternalSignature(new Uint8Array(row.signedAttributes), new Uint8Array(Buffer.from(submitted.get(row.id)!, "base64")), certificateDer) }));
  if (checked.some(({ check }) => !check.ok)) return failure(m.externalSignatureInvalid);

  const role = first.role as SigningRole;
  const assignments = await prisma.assignment.findMany({
    where: { id: { in: rows.map((r) => r.assignmentId) } },
    select: { id: true, unitId: true, campaignId: true, headUserId: true, reopenedUntil: true, unit: { select: { name: true } }, campaign: { select: { status: true, deadline: true } } },
  });
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const deputyFor = byId.get(first.assignmentId);
  const underDelegation =
    actor.role === "DEPUTY" && deputyFor ? await findValidDelegation(actor, role === "HEAD" ? deputyFor : "CHAIRPERSON", now) : null;
  if (actor.role === "DEPUTY" && !underDelegation) return failure(messages.delegation.refusals.none);
  const { delegation } = signingOnBehalf(actor, underDelegation);
  const refusals = new Map<string, string>();
  for (const a of assignments) {
    const { status: campaignStatus, deadline } = a.campaign;
    const refusal =
      role === "HEAD" ? signingWindowRefusal({ campaignStatus, deadline, reopenedUntil: a.reopenedUntil }, now, messages) : campaignClosedRefusal({ status: campaignStatus }, messages);
    if (refusal) refusals.set(a.id, refusal);
  }
  if (role === "HEAD" && refusals.size) return failure([...refusals.values()][0]!);

  // Claimed once, in one statement: of two finalize calls for the same pending signatures, exactly one goes on.
  const ids = rows.map((r) => r.id);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "PendingSignature" SET "finalizedAt" = ${now}
    WHERE id = ANY(${ids}::text[]) AND "finalizedAt" IS NULL AND "expiresAt" > ${now} RETURNING id`;
  if (claimed.length !== rows.length) return failure(m.pendingUsed);

  const files = await getFiles(rows.map((r) => r.preparedSha256));
  const revisions: SignedRevision[] = [];
  for (const { row, check } of checked) {
    const bytes = files.get(row.preparedSha256);
    const assignment = byId.get(row.assignmentId);
    if (!bytes || !assignment || !check.ok || refusals.has(row.assignmentId)) continue;
    const cms = assembleSignedData({ signedAttributes: new Uint8Array(row.signedAttributes), signature: check.signatureValue, signatureAlgorithmOid: check.signatureAlgorithmOid, certificateChain: usable.chainDer });
    const byteRange = row.byteRange as PreparedSignature["byteRange"];
    const timestamper = signatureTimestamperFor({ actorId: actor.id, actorEmail: actor.email, assignmentId: row.assignmentId, unitId: assignment.unitId, campaignId: assignment.campaignId });
    let signed: LongTermResult;
    try {
      const embedded = await embedSignature({ bytes, byteRange, contentsHexStart: row.contentsHexStart, capacity: row.capacity }, cms, timestamper);
      signed = await addLongTermData(embedded, { vouched: usable.chainDer, now, timestamper, archive: archivesDocument(role), fetched: usable.validationData });
    } catch (error) {
      if (!(error instanceof TimestampError)) throw error;
      refusals.set(row.assignmentId, timestampRefusal(actor));
      continue;
    }
    const { bytes: finished, archiveTimestamp } = signed;
    revisions.push({ assignmentId: row.assignmentId, unitId: assignment.unitId, campaignId: assignment.campaignId, sha256Before: row.sha256Before, sha256After: sha256Hex(finished), bytes: finished, archiveTimestamp });
  }
  const { stored, revoked } = revisions.length
    ? await storeSignatures({ actor, role, certificate: usable.certificate, revisions, context, now, delegation })
    : { stored: new Set<string>(), revoked: false };
  const outcomes = rows.map(({ assignmentId }): FinalizeOutcome => {
    const unit = { unit: byId.get(assignmentId)?.unit.name ?? "" };
    if (stored.has(assignmentId)) return { assignmentId, ok: true, message: role === "HEAD" ? m.signed : formatMessage(m.countersigned, unit) };
    const refusal = refusals.get(assignmentId);
    if (refusal) return { assignmentId, ok: false, message: refusal };
    if (!files.has(rows.find((r) => r.assignmentId === assignmentId)!.preparedSha256)) return { assignmentId, ok: false, message: m.pdfUnreadable };
    return { assignmentId, ok: false, message: revoked ? m.certificateRevoked : m.documentChanged };
  });
  const refusal = outcomes.find((o) => !o.ok)?.message;
  if (role === "HEAD") return outcomes[0]!.ok ? { ok: true, message: m.signed, outcomes } : { ...failure(refusal!), outcomes };
  return { ok: outcomes.some((o) => o.ok), message: refusal, outcomes };
}
