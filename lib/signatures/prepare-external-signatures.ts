import { createHash } from "node:crypto";
import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { SIGNING_RECHECK } from "@/lib/auth/login-throttle";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";
import { signedAttributesDer } from "@/lib/signing/cms-signed-data";
import { prisma } from "@/lib/db/client";
import { getFiles, writeBlob } from "@/lib/storage/file-store";
import { certificateDerSchema, externalMethodSchema } from "@/lib/signer-certificates/external-certificate-input";
import { findUsableExternalCertificate } from "@/lib/signer-certificates/find-usable-external-certificate";
import { signatureImageSchema } from "./signature-image";
import { headSigningRefusal, reviewedSha256Schema } from "./head-signing-refusal";
import { countersignRefusal } from "./countersign-refusal";
import { COUNTERSIGN_CHUNK } from "./countersign-chunk";
import { loadSigningContext, type SigningTarget } from "./load-signing-context";
import { prepareRevision } from "./sign-revision";
import type { SigningRole } from "./store-signatures";
import { signingOnBehalf } from "@/lib/delegations/signing-on-behalf";

/** How long a prepared signature waits for its signature value (the ceiling). */
export const PENDING_SIGNATURE_MINUTES = 10;

const prepareInputSchema = z.object({
  /** One for a head; up to a chunk for the chairperson's bulk countersignature (one authorization for all). */
  assignmentIds: z.array(idSchema("assignment")).min(1).max(COUNTERSIGN_CHUNK),
  /** The head's: the hash of the PDF they read. */
  reviewedSha256: reviewedSha256Schema.optional(),
  method: externalMethodSchema,
  /** The certificate the external key will sign with (registered and bound to the caller). */
  certificate: certificateDerSchema,
  signatureImage: z
    .string()
    .optional()
    .transform((s) => s || undefined)
    .pipe(signatureImageSchema.optional()),
});

/** What the external key signs, per document: the DER signed attributes and their SHA-256, both base64. */
export type PendingToSign = { assignmentId: string; id: string; signedAttributes: string; sha256: string };
export type PreparedExternalSignatures = FormResult & {
  pending?: PendingToSign[];
  expiresAt?: Date;
  /** Assignments of the chunk that cannot be signed now, with why. */
  refused?: { assignmentId: string; message: string }[];
};

/**
 * Phase one of a signature with a key the server never holds — a head's, or the chairperson's on a chunk of
 * countersignatures, or their deputy's under a delegation: the same checks as signing with the server key
 * (role, unit, status, campaign open and deadline, named head or valid delegation, reviewed hash), a certificate the caller registered and may use now, then per document the revision with
 * its stamp and an empty /Contents and the CAdES signed attributes naming that certificate. The revisions'
 * bytes stay on the server (blobs and PendingSignature rows, ≤ 10 minutes); the caller gets what to sign.
 */
export async function prepareExternalSignatures(actor: Actor | null, input: unknown, now = new Date()): Promise<PreparedExternalSignatures> {
  if (!hasRole(actor, "UNIT_HEAD", "CHAIRPERSON", "DEPUTY")) return forbidden(actor);
  const messages = messagesFor(actor);
  const m = messages.signing.results;
  const parsed = prepareInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { assignmentIds, reviewedSha256, method, certificate: certificateDer, signatureImage } = parsed.data;
  // A deputy acts for a head when they sign what they reviewed, for the chairperson when they countersign.
  const role: SigningRole = actor.role === "UNIT_HEAD" || (actor.role === "DEPUTY" && reviewedSha256) ? "HEAD" : "CHAIRPERSON";
  if (role === "HEAD" && (assignmentIds.length !== 1 || !reviewedSha256)) return failure(m.reviewedHashMissing);
  // Both signatures carry the signer's image, the head's and the chairperson's (App. I ô 7b).
  if (!signatureImage) return failure(messages.signing.signatureImage.missing);

  const usable = await findUsableExternalCertificate(actor, certificateDer, method, now);
  if ("refusal" in usable) return failure(usable.refusal);
  const { assignments } = await loadSigningContext(actor, assignmentIds, SIGNING_RECHECK, { deputyRole: role, now });
  const refusalOf = (target: SigningTarget | undefined) =>
    role === "HEAD" ? headSigningRefusal(target ?? null, actor, reviewedSha256!, messages, now) : countersignRefusal(target, actor, messages, now);

  const refused: { assignmentId: string; message: string }[] = [];
  const targets: SigningTarget[] = [];
  for (const id of assignmentIds) {
    const target = assignments.get(id);
    const refusal = refusalOf(target);
    if (refusal || !target) refused.push({ assignmentId: id, message: refusal ?? m.notFound });
    else targets.push(target);
  }
  if (role === "HEAD" && refused[0]) return failure(refused[0].message);
  const pdfs = await getFiles(targets.map((t) => t.documentSha256));
  const expiresAt = new Date(now.getTime() + PENDING_SIGNATURE_MINUTES * 60_000);
  const pending: PendingToSign[] = [];
  for (const target of targets) {
    const { onBehalfOf } = signingOnBehalf(actor, target.delegation);
    const prepared = await prepareRevision({ actor, target, role, imagePng: signatureImage, now, pdf: pdfs.get(target.documentSha256) ?? null, onBehalfOf }, usable.chainDer);
    if ("refusal" in prepared) {
      refused.push({ assignmentId: target.id, message: prepared.refusal });
      continue;
    }
    const { byteRange, contentsHexStart, capacity, contentDigest, bytes } = prepared.value;
    const signedAttributes = signedAttributesDer({ contentDigest, signerCertDer: certificateDer });
    const blob = await writeBlob(bytes);
    const row = await prisma.pendingSignature.create({
      data: {
        assignmentId: target.id,
        userId: actor.id,
        role,
        method,
        certificateId: usable.certificate.id,
        sha256Before: target.documentSha256,
        preparedSha256: blob.sha256,
        byteRange,
        contentsHexStart,
        capacity,
        certificateDer: new Uint8Array(certificateDer),
        signedAttributes: new Uint8Array(signedAttributes),
        expiresAt,
      },
      select: { id: true },
    });
    const sha256 = createHash("sha256").update(signedAttributes).digest("base64");
    pending.push({ assignmentId: target.id, id: row.id, signedAttributes: Buffer.from(signedAttributes).toString("base64"), sha256 });
  }
  if (!pending.length) return { ...failure(refused[0]?.message ?? m.notFound), refused };
  return { ok: true, pending, expiresAt, refused };
}
