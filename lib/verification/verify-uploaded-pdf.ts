import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { PdfSignatureReadError, readPdfSignatures, type PdfSignatureInfo } from "@/lib/signing/read-pdf-signatures";
import { sha256Hex } from "@/lib/storage/file-store";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatMegabytes } from "@/lib/i18n/format-size";
import { messagesFor, type Messages } from "@/lib/i18n/messages-for";
import { describeSignatureProblem } from "./signature-problem-labels";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type SignatureCheck = {
  signer: string;
  time: string | null;
  timeSource: "timestamp" | "claimed" | null;
  valid: boolean;
  coversWholeFile: boolean;
  issuedByCityCa: boolean;
  /** true / false for a certificate this system issued; null when it is not one of ours. */
  revoked: boolean | null;
  revokedAt: string | null;
  problems: string[];
};

export type ArchiveMatch = { campaign: string; unit: string; kind: string; assignmentId: string };

export type PdfVerification =
  | { ok: false; message: string }
  | { ok: true; message: string; fileName: string; size: number; sha256: string; signatures: SignatureCheck[]; archived: ArchiveMatch[] };

/** What a file that is not a PDF most likely is, from its first bytes, to name it in the message. */
function sniffKind(bytes: Uint8Array): keyof Messages["verification"]["sniffedKinds"] | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "png";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "zip";
  return null;
}

/**
 * Checks an uploaded PDF for anyone signed in: each signature's signer, time, integrity, whether the city
 * CA issued the certificate and whether that certificate is revoked, and whether the whole file is one of
 * the archived versions (by SHA-256). Never trusts the file name or the browser's content type.
 */
export async function verifyUploadedPdf(actor: Actor | null, bytes: Uint8Array | null, name?: string): Promise<PdfVerification> {
  const m = messagesFor(actor);
  const errors = m.verification.errors;
  const fileName = name ?? m.verification.defaultFileName;
  if (!actor) return { ok: false, message: errors.signedOut };
  if (!bytes || bytes.byteLength === 0) return { ok: false, message: errors.empty };
  const size = formatMegabytes(bytes.byteLength, actor.locale);
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, message: formatMessage(errors.tooLarge, { size }) };
  let infos: PdfSignatureInfo[];
  const ca = await getCityCa();
  try {
    infos = await readPdfSignatures(bytes, { caCertDer: ca.certDer, maxBytes: MAX_UPLOAD_BYTES });
  } catch (error) {
    if (!(error instanceof PdfSignatureReadError)) throw error;
    if (error.code === "not-a-pdf") {
      const kind = sniffKind(bytes);
      const message = kind
        ? formatMessage(errors.notPdfKind, { fileName, kind: m.verification.sniffedKinds[kind] })
        : formatMessage(errors.notPdf, { fileName });
      return { ok: false, message };
    }
    const refusals = { "too-large": errors.tooLarge, "too-many-signatures": errors.tooManySignatures, "too-many-pages": errors.tooManyPages, "too-complex": errors.tooComplex };
    return { ok: false, message: formatMessage(refusals[error.code], { size }) };
  }

  const sha256 = sha256Hex(bytes);
  const [documents, certificates] = await Promise.all([
    prisma.assignmentDocument.findMany({
      where: { sha256 },
      select: { kind: true, assignment: { select: { id: true, unit: { select: { name: true } }, campaign: { select: { name: true } } } } },
    }),
    prisma.userCertificate.findMany({
      where: { serialHex: { in: infos.flatMap((i) => (i.signer ? [i.signer.serialHex] : [])) } },
      select: { serialHex: true, revokedAt: true },
    }),
  ]);
  const signatures = infos.map((info, index): SignatureCheck => {
    const certificate = certificates.find((c) => c.serialHex === info.signer?.serialHex);
    const time = info.timestampTime ?? info.signingTime;
    const problems = info.problems.map((problem) => describeSignatureProblem(m, problem));
    const last = index === infos.length - 1;
    if (last && !info.coversWholeFile && info.valid) problems.push(m.verification.problems.appendedAfterLast);
    return {
      signer: info.signer?.commonName || info.name || m.verification.unknownSigner,
      time: time ? formatMessage(m.verification.vietnamTime, { time: formatSigningTime(time) }) : null,
      timeSource: info.timestampTime ? "timestamp" : info.signingTime ? "claimed" : null,
      valid: info.valid,
      coversWholeFile: info.coversWholeFile,
      issuedByCityCa: info.issuedByCa === true,
      revoked: certificate ? certificate.revokedAt !== null : null,
      revokedAt: certificate?.revokedAt ? formatSigningTime(certificate.revokedAt) : null,
      problems,
    };
  });
  const archived = documents.map((d) => ({
    campaign: d.assignment.campaign.name,
    unit: d.assignment.unit.name,
    kind: m.common.documentKinds[d.kind],
    assignmentId: d.assignment.id,
  }));
  const allGood = signatures.length > 0 && signatures.every((s) => s.valid && s.issuedByCityCa && s.revoked === false);
  const summary = m.verification.summary;
  const message =
    signatures.length === 0
      ? summary.noSignatures
      : allGood
        ? formatMessage(summary.allValid, { count: signatures.length })
        : summary.someInvalid;
  return { ok: true, message, fileName, size: bytes.byteLength, sha256, signatures, archived };
}
