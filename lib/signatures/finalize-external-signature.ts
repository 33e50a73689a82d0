import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { messagesFor } from "@/lib/i18n/messages-for";
import { prisma } from "@/lib/db/client";
import { assembleSignedData } from "@/lib/signing/cms-signed-data";
import { checkExternalSignature } from "@/lib/signing/check-external-signature";
import type { PreparedSignature } from "@/lib/signing/pdf-signature-placeholder";
import { embedSignature } from "@/lib/signing/sign-pdf";
import { getFile, sha256Hex } from "@/lib/storage/file-store";
import { getCityCa } from "./city-ca-store";
import { storeSignatures } from "./store-signatures";
import { configuredTsaUrl } from "./sign-revision";

const finalizeInputSchema = z.object({
  pendingId: z.uuid(),
  /** The signature value over the signed attributes, base64: ECDSA r‖s or DER, or RSA PKCS#1 v1.5. */
  signature: z.base64().min(4).max(2_000),
});

/**
 * Phase two: the signature value for a prepared signature of the caller's. It must come before the expiry,
 * once, and verify against the certificate named at prepare over exactly the signed attributes; then the CMS
 * is assembled and embedded in the revision kept on the server, and stored as any signature is — only if
 * the assignment still holds the document the revision was prepared on (else "changed in between").
 * A signature that does not verify changes nothing and leaves the pending signature usable until it expires.
 */
export async function finalizeExternalSignature(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "UNIT_HEAD")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const parsed = finalizeInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const pending = await prisma.pendingSignature.findFirst({ where: { id: parsed.data.pendingId, userId: actor.id } });
  if (!pending) return failure(m.pendingNotFound);
  if (pending.finalizedAt) return failure(m.pendingUsed);
  if (pending.expiresAt <= now) return failure(m.pendingExpired);

  const signedAttributes = new Uint8Array(pending.signedAttributes);
  const certDer = new Uint8Array(pending.certificateDer);
  const check = checkExternalSignature(signedAttributes, new Uint8Array(Buffer.from(parsed.data.signature, "base64")), certDer);
  if (!check.ok) return failure(m.externalSignatureInvalid);
  const [bytes, assignment, certificate, ca] = await Promise.all([
    getFile(pending.preparedSha256),
    prisma.assignment.findUnique({ where: { id: pending.assignmentId }, select: { unitId: true, campaignId: true } }),
    prisma.userCertificate.findFirst({ where: { userId: actor.id, certDer: Buffer.from(certDer) }, select: { id: true, serialHex: true } }),
    getCityCa(),
  ]);
  if (!bytes || !assignment) return failure(m.pdfUnreadable);
  if (!certificate) return failure(m.externalCertificateNotYours);

  // Claimed once: of two finalize calls for the same pending signature, exactly one goes on.
  const claimed = await prisma.pendingSignature.updateMany({ where: { id: pending.id, finalizedAt: null, expiresAt: { gt: now } }, data: { finalizedAt: now } });
  if (claimed.count !== 1) return failure(m.pendingUsed);

  const cms = assembleSignedData({ signedAttributes, signature: check.signatureValue, signatureAlgorithmOid: check.signatureAlgorithmOid, certificateChain: [certDer, ca.certDer] });
  const { contentsHexStart, capacity } = pending;
  const byteRange = pending.byteRange as PreparedSignature["byteRange"];
  const signed = await embedSignature({ bytes, byteRange, contentsHexStart, capacity }, cms, configuredTsaUrl());
  const { stored, revoked } = await storeSignatures({
    actor,
    role: "HEAD",
    certificate,
    revisions: [{ assignmentId: pending.assignmentId, ...assignment, sha256Before: pending.sha256Before, sha256After: sha256Hex(signed), bytes: signed }],
    context,
    now,
  });
  if (stored.size === 1) return success(m.signed);
  return failure(revoked ? m.certificateRevoked : m.documentChanged);
}
