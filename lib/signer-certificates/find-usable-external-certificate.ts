import type { Actor } from "@/lib/auth/find-active-user";
import { prisma } from "@/lib/db/client";
import type { SigningMethod } from "@/lib/generated/prisma/enums";
import { messagesFor } from "@/lib/i18n/messages-for";
import { sha256Hex } from "@/lib/storage/file-store";
import { validateSigningCertificate } from "@/lib/trust/validate-signing-certificate";

export type UsableExternalCertificate = {
  certificate: { id: string; serialHex: string };
  /** Leaf first, then its issuers up to the anchor: what the CMS carries. */
  chainDer: Uint8Array[];
  /** The OCSP responses and CRLs this check was answered with, for the signed PDF's DSS (B-LT). */
  validationData: { ocsps: Uint8Array[]; crls: Uint8Array[] };
};

/**
 * The actor's registered certificate with this DER, if they may sign with it now by this method: theirs, held
 * by them (not a server key), bound, not revoked here, the method allowed for them, and — checked again at
 * every prepare and finalize, since anchors get disabled and certificates expire or are revoked — still
 * chaining to an enabled anchor, valid and unrevoked where that can be checked. Otherwise the refusal to show.
 */
export async function findUsableExternalCertificate(
  actor: Actor,
  certificateDer: Uint8Array,
  method: SigningMethod,
  now: Date,
): Promise<UsableExternalCertificate | { refusal: string }> {
  const m = messagesFor(actor).signing.results;
  const row = await prisma.userCertificate.findUnique({
    where: { sha256Fingerprint: sha256Hex(certificateDer) },
    select: { id: true, userId: true, serialHex: true, method: true, binding: true, revokedAt: true, chainDer: true, user: { select: { signingMethods: true } } },
  });
  if (!row || row.userId !== actor.id || row.method === "SERVER_KEY") return { refusal: m.externalCertificateNotYours };
  if (!row.user.signingMethods.includes(method)) return { refusal: m.methodNotAllowed };
  if (row.binding === "PENDING") return { refusal: m.certificatePendingApproval };
  if (row.binding === "REJECTED") return { refusal: m.certificateRejected };
  if (row.revokedAt) return { refusal: m.certificateRevoked };
  const valid = await validateSigningCertificate({ certificateDer, offeredChainDer: row.chainDer.map((der) => new Uint8Array(der)), now, locale: actor.locale });
  if (!valid.ok) return { refusal: valid.message };
  return { certificate: { id: row.id, serialHex: row.serialHex }, chainDer: [certificateDer, ...valid.chainDer], validationData: valid.validationData };
}
