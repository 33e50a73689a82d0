import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { failure, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import type { AssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { getFile, putFile, sha256Hex } from "@/lib/storage/file-store";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { messagesFor } from "@/lib/i18n/messages-for";
import { signPdf } from "@/lib/signing/sign-pdf";
import { unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { CertificateRevokedError, getSigningIdentity } from "./user-certificate-store";
import { createSignerFor } from "./create-signer";
import { SigningKeyUnusableError } from "./open-stored-key";
import { OPEN_STATUSES } from "@/lib/assignments/assignment-status";

const slotSchema = z.object({ page: z.number().int().min(0), x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });
const slotsSchema = z.object({ head: slotSchema, chairperson: slotSchema });

const ROLES = {
  HEAD: { field: "NguoiCamKet", slot: "head", from: OPEN_STATUSES, to: "SIGNED", kind: "SIGNED", event: "ASSIGNMENT_SIGNED", reason: "Người đứng đầu ký cam kết thực hiện công tác cải cách hành chính" },
  CHAIRPERSON: { field: "ChuTichXacNhan", slot: "chairperson", from: ["SIGNED"], to: "COMPLETED", kind: "COUNTERSIGNED", event: "ASSIGNMENT_COUNTERSIGNED", reason: "Chủ tịch UBND thành phố xác nhận bản cam kết" },
} as const;

class SignatureConflict extends Error {}

/**
 * The one signing pipeline behind every screen (sign, countersign, bulk countersign): a new incremental
 * PDF revision with a PAdES signature and visible stamp, then — in one transaction — the new bytes, the
 * version row, the status change and the audit event. The status flip is conditional on the exact hash
 * signed, so of two concurrent signatures exactly one is stored; the other changes nothing.
 */
export async function applySignature(params: {
  actor: Actor;
  assignment: AssignmentForActor;
  role: keyof typeof ROLES;
  imagePng?: Uint8Array;
  expectedSha256: string;
  context: AuditContext;
  now: Date;
  successMessage: string;
}): Promise<FormResult> {
  const { actor, assignment, now } = params;
  const role = ROLES[params.role];
  const m = messagesFor(actor).signing.results;
  let identity;
  try {
    identity = await getSigningIdentity(actor, now);
  } catch (error) {
    if (error instanceof CertificateRevokedError) return failure(m.certificateRevoked);
    // Detail already logged by openStoredKey; the signer can only ask for a new certificate.
    if (error instanceof SigningKeyUnusableError) return failure(messagesFor(actor).common.signingKey.unusable);
    throw error;
  }
  const original = assignment.documents.find((d) => d.kind === "ORIGINAL");
  const slots = slotsSchema.safeParse(original?.signatureSlots);
  const pdf = await getFile(params.expectedSha256);
  if (!slots.success || !pdf) return failure(m.pdfUnreadable);

  let signed;
  try {
    signed = await signPdf({
      pdf,
      signer: await createSignerFor(identity),
      fieldName: role.field,
      slot: slots.data[role.slot],
      appearance: {
        imagePng: params.imagePng,
        lines: [actor.fullName, actor.jobTitle, actor.unit?.name ?? "UBND thành phố Phan Thiết", `Ký số lúc ${formatSigningTime(now)} (+07:00)`],
      },
      signingTime: now,
      name: actor.fullName,
      reason: role.reason,
      location: "Phan Thiết, Bình Thuận, Việt Nam",
      contactInfo: actor.email,
      tsaUrl: process.env.CAMKET_TSA_URL || undefined,
    });
  } catch (error) {
    // The signer's name, title or unit stored before input refused characters the stamp's font lacks.
    const refusal = unprintableRefusal(error, actor);
    if (refusal === null) throw error;
    return failure(refusal);
  }
  const signedSha256 = sha256Hex(signed);

  try {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.assignment.updateMany({
        where: { id: assignment.id, status: { in: [...role.from] }, documentSha256: params.expectedSha256 },
        data: {
          status: role.to,
          documentSha256: signedSha256,
          ...(params.role === "HEAD" ? { signedAt: now } : { countersignedAt: now }),
        },
      });
      if (moved.count === 0) throw new SignatureConflict();
      await putFile(tx, signed);
      await tx.assignmentDocument.create({
        data: { assignmentId: assignment.id, kind: role.kind, sha256: signedSha256, certificateId: identity.certificateId, signedAt: now, createdById: actor.id },
      });
      await recordAuditEvent(tx, {
        ...params.context,
        type: role.event,
        at: now,
        unitId: assignment.unitId,
        campaignId: assignment.campaignId,
        assignmentId: assignment.id,
        data: { sha256Before: params.expectedSha256, sha256After: signedSha256, certificateSerial: identity.serialHex },
      });
    });
  } catch (error) {
    if (error instanceof SignatureConflict || isUniqueViolationOn(error, "assignmentId")) {
      return failure(m.signedInAnotherSession);
    }
    throw error;
  }
  return success(params.successMessage);
}
