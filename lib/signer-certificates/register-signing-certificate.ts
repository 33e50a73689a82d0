import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { validateSigningCertificate } from "@/lib/trust/validate-signing-certificate";
import { SIGNER_ROLES, externalMethodSchema, certificateDerSchema } from "./external-certificate-input";
import { subjectCarriesIdentifier } from "./subject-carries-identifier";

const registerSchema = z.object({
  method: externalMethodSchema,
  certificate: certificateDerSchema,
  /** Issuers offered with it (the token's, the file's, the service's); the validated path is what is kept. */
  chain: z.array(certificateDerSchema).max(10).default([]),
  cscCredentialId: z.string().trim().min(1).max(200).optional(),
});

export type RegisteredCertificate = FormResult & { certificateId?: string };

/**
 * A signer registers the certificate of a key they hold (token, .p12, remote account). It must chain to an
 * enabled trust anchor, be valid now, allow signing, and not be revoked where that can be checked
 * (lib/trust/validate-signing-certificate); the method must be one the admin allows this person. It is bound
 * at once when its subject carries the person's configured identifier, otherwise it waits for an admin.
 * Registration and its audit event are one transaction.
 */
export async function registerSigningCertificate(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<RegisteredCertificate> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { method, certificate: certificateDer, chain, cscCredentialId } = parsed.data;

  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { signingMethods: true, certificateIdentifier: true } });
  if (!user.signingMethods.includes(method)) return failure(m.methodNotAllowed);
  const valid = await validateSigningCertificate({ certificateDer, offeredChainDer: chain, now, locale: actor.locale });
  if (!valid.ok) return failure(valid.message);

  const existing = await prisma.userCertificate.findUnique({ where: { sha256Fingerprint: valid.sha256Fingerprint }, select: { id: true, userId: true } });
  if (existing) return existing.userId === actor.id ? { ok: true, message: m.certificateAlreadyRegistered, certificateId: existing.id } : failure(m.certificateTaken);

  const bound = subjectCarriesIdentifier(certificateDer, user.certificateIdentifier);
  try {
    const created = await prisma.$transaction(async (tx) => {
      const row = await tx.userCertificate.create({
        data: {
          userId: actor.id,
          method,
          serialHex: valid.serialHex,
          subject: valid.subject,
          issuerSubject: valid.issuerSubject,
          certDer: new Uint8Array(certificateDer),
          chainDer: valid.chainDer.map((der: Uint8Array) => new Uint8Array(der)),
          trustAnchorId: valid.trustAnchorId,
          binding: bound ? "BOUND" : "PENDING",
          boundAt: bound ? now : null,
          revocationStatus: valid.revocation,
          revocationCheckedAt: now,
          cscCredentialId: method === "CSC" ? cscCredentialId : null,
          sha256Fingerprint: valid.sha256Fingerprint,
          notBefore: valid.notBefore,
          notAfter: valid.notAfter,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        ...context,
        type: "CERTIFICATE_REGISTERED",
        at: now,
        data: { certificateId: row.id, method, subject: valid.subject, serialHex: valid.serialHex, fingerprint: valid.sha256Fingerprint, bound, revocation: valid.revocation },
      });
      return row;
    });
    const message = bound ? m.certificateRegisteredBound : m.certificateRegisteredPending;
    return { ok: true, message: valid.revocationNote ? `${message} ${valid.revocationNote}` : message, certificateId: created.id };
  } catch (error) {
    // The same certificate registered at the same moment by another request.
    if (isUniqueViolationOn(error, "sha256Fingerprint")) return failure(m.certificateTaken);
    throw error;
  }
}
