import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { formatDate } from "@/lib/time/vietnam-time";
import { MAX_CERTIFICATE_BYTES, parseCertificate, splitCertificates, type ParsedCertificate } from "./certificates";

/** At most this many certificates in one upload (a root and its intermediates). */
export const MAX_ANCHORS_PER_UPLOAD = 10;
/** The largest upload read at all: ten PEM-encoded certificates of the largest size. */
export const MAX_UPLOAD_BYTES = MAX_ANCHORS_PER_UPLOAD * Math.ceil((MAX_CERTIFICATE_BYTES * 4) / 3 + 2048);

export type AddTrustAnchorResult = FormResult & { ids?: string[] };

/**
 * Adds CA certificates to the trust list (ADMIN). `upload` is a file's bytes or pasted text: DER, or one or
 * several PEM blocks. Each must be a CA (basicConstraints cA) or self-signed, at most 20 KB, not expired and
 * not already listed; one refusal and nothing is added. Audited.
 */
export async function addTrustAnchor(actor: Actor | null, upload: Uint8Array | string, context: AuditContext = {}, now = new Date()): Promise<AddTrustAnchorResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const t = messagesFor(actor).admin.trustList;
  const bytes = typeof upload === "string" ? new Uint8Array(Buffer.from(upload, "utf8")) : upload instanceof Uint8Array ? upload : undefined;
  if (!bytes || bytes.length === 0 || (typeof upload === "string" && upload.trim() === "")) return failure(t.noInput);
  if (bytes.length > MAX_UPLOAD_BYTES) return failure(t.tooLarge);

  const ders = splitCertificates(bytes);
  if (ders.length === 0) return failure(t.garbage);
  if (ders.length > MAX_ANCHORS_PER_UPLOAD) return failure(formatMessage(t.tooMany, { max: MAX_ANCHORS_PER_UPLOAD }));
  const certificates: ParsedCertificate[] = [];
  for (const der of ders) {
    if (der.length > MAX_CERTIFICATE_BYTES) return failure(t.tooLarge);
    const parsed = parseCertificate(der);
    if (!parsed) return failure(t.garbage);
    if (!parsed.isCa && !parsed.selfSigned) return failure(formatMessage(t.notCa, { subject: parsed.subject }));
    if (parsed.notAfter.getTime() < now.getTime()) return failure(formatMessage(t.expired, { subject: parsed.subject, date: formatDate(parsed.notAfter) }));
    if (certificates.some((c) => c.sha256Fingerprint === parsed.sha256Fingerprint)) return failure(formatMessage(t.duplicate, { subject: parsed.subject }));
    certificates.push(parsed);
  }
  const existing = await prisma.trustAnchor.findFirst({
    where: { sha256Fingerprint: { in: certificates.map((c) => c.sha256Fingerprint) } },
    select: { subject: true },
  });
  if (existing) return failure(formatMessage(t.duplicate, { subject: existing.subject }));

  try {
    return await prisma.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const c of certificates) {
        const row = await tx.trustAnchor.create({
          data: { subject: c.subject, certDer: c.der, sha256Fingerprint: c.sha256Fingerprint, notBefore: c.notBefore, notAfter: c.notAfter, enabled: true, createdById: actor.id },
          select: { id: true },
        });
        ids.push(row.id);
      }
      await recordAuditEvent(tx, {
        ...context,
        type: "ADMIN_CHANGE",
        at: now,
        data: { action: "add-trust-anchor", anchors: certificates.map((c, i) => ({ id: ids[i], subject: c.subject, sha256Fingerprint: c.sha256Fingerprint })) },
      });
      return { ...success(formatMessage(t.added, { count: certificates.length, subjects: certificates.map((c) => c.subject).join("; ") })), ids };
    });
  } catch (error) {
    // Another admin added the same certificate in between.
    if (isUniqueViolationOn(error, "sha256Fingerprint")) return failure(formatMessage(t.duplicate, { subject: certificates.map((c) => c.subject).join("; ") }));
    throw error;
  }
}
