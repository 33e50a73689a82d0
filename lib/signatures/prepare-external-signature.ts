import { createHash } from "node:crypto";
import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { SIGNING_RECHECK } from "@/lib/auth/login-throttle";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";
import { signedAttributesDer } from "@/lib/signing/cms-signed-data";
import { prisma } from "@/lib/db/client";
import { writeBlob } from "@/lib/storage/file-store";
import { signatureImageSchema } from "./signature-image";
import { headSigningRefusal, reviewedSha256Schema } from "./head-signing-refusal";
import { loadSigningContext } from "./load-signing-context";
import { prepareRevision } from "./sign-revision";
import { getCityCa } from "./city-ca-store";

/** How long a prepared signature waits for its signature value (the ceiling). */
export const PENDING_SIGNATURE_MINUTES = 10;

const prepareInputSchema = z.object({
  assignmentId: idSchema("assignment"),
  reviewedSha256: reviewedSha256Schema,
  /** DER of the certificate the external key will sign with, base64. */
  certificate: z.base64().max(20_000),
  signatureImage: signatureImageSchema,
});

export type PreparedExternalSignature = FormResult & {
  /** What the external key signs: the DER signed attributes and their SHA-256 (what CSC signHash takes), both base64. */
  pending?: { id: string; signedAttributes: string; sha256: string; expiresAt: Date };
};

/**
 * Phase one of a head's signature with a key the server never holds: the same checks as signing (role,
 * unit, status, named head, reviewed hash), the revision with its stamp and an empty /Contents, and the
 * CAdES signed attributes naming the signer's certificate. The revision's bytes stay on the server (a blob
 * and a PendingSignature row, ≤ 10 minutes); the caller gets the attributes to sign and their SHA-256.
 * Until the trust list exists (issue 13, item 2) the only certificate accepted is the head's own
 * registered, unrevoked city-CA certificate.
 */
export async function prepareExternalSignature(actor: Actor | null, input: unknown, now = new Date()): Promise<PreparedExternalSignature> {
  if (!hasRole(actor, "UNIT_HEAD")) return forbidden(actor);
  const messages = messagesFor(actor);
  const m = messages.signing.results;
  const parsed = prepareInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { assignmentId, reviewedSha256, signatureImage } = parsed.data;
  const certificateDer = new Uint8Array(Buffer.from(parsed.data.certificate, "base64"));

  const { assignment, certificate } = await loadSigningContext(actor, assignmentId, SIGNING_RECHECK);
  const refusal = headSigningRefusal(assignment, actor, reviewedSha256, messages);
  if (refusal || !assignment) return failure(refusal ?? m.notFound);
  if (!certificate || !Buffer.from(certificate.certDer).equals(certificateDer)) return failure(m.externalCertificateNotYours);
  if (certificate.revokedAt) return failure(m.certificateRevoked);

  const chain = [certificateDer, (await getCityCa()).certDer];
  const prepared = await prepareRevision({ actor, target: assignment, role: "HEAD", imagePng: signatureImage, now }, chain);
  if ("refusal" in prepared) return failure(prepared.refusal);
  const { byteRange, contentsHexStart, capacity, contentDigest, bytes } = prepared.value;
  const signedAttributes = signedAttributesDer({ contentDigest, signerCertDer: certificateDer });
  const blob = await writeBlob(bytes);
  const expiresAt = new Date(now.getTime() + PENDING_SIGNATURE_MINUTES * 60_000);
  const pending = await prisma.pendingSignature.create({
    data: {
      assignmentId,
      userId: actor.id,
      role: "HEAD",
      sha256Before: assignment.documentSha256,
      preparedSha256: blob.sha256,
      byteRange,
      contentsHexStart,
      capacity,
      certificateDer,
      signedAttributes: new Uint8Array(signedAttributes),
      expiresAt,
    },
    select: { id: true },
  });
  return {
    ok: true,
    pending: {
      id: pending.id,
      signedAttributes: Buffer.from(signedAttributes).toString("base64"),
      sha256: createHash("sha256").update(signedAttributes).digest("base64"),
      expiresAt,
    },
  };
}
