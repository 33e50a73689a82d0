import { chainsToTrustAnchor } from "@/lib/trust/chains-to-trust-anchor";
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
import { MAX_UPLOAD_BYTES } from "./upload-limit";
import { judgeSignatureLevel, type PadesLevel } from "./judge-signature-level";
import { checkRevocationOnline } from "./check-revocation-online";
import { checkSignatureValidationData } from "./check-signature-validation-data";
import { findStrayValidationData } from "./find-stray-validation-data";
import { describeRejectedValidationData } from "./describe-rejected-validation-data";
import type { RejectedValidationData } from "./rejected-validation-data";

export type SignatureCheck = {
  /** A signer's signature, or a document timestamp (B-LTA), which is shown as such and not as a signer. */
  kind: "signature" | "document-timestamp";
  signer: string;
  time: string | null;
  timeSource: "timestamp" | "claimed" | null;
  valid: boolean;
  coversWholeFile: boolean;
  /** Added after this signature and allowed (a later signature, a document timestamp, DSS data), in words. */
  addedAfter: string[];
  /** Changed after this signature and not allowed (page content, annotations, form…), in words. */
  changedAfter: string[];
  issuedByCityCa: boolean;
  /** Not the city CA's but a CA's on the trust list (a token's or remote-signing key's certificate). */
  issuedByTrustList: boolean;
  /** true / false for a certificate this system issued; null when it is not one of ours. */
  revoked: boolean | null;
  revokedAt: string | null;
  problems: string[];
  /** The PAdES level met (null: not valid, or a document timestamp). */
  level: PadesLevel | null;
  /** Vietnam time of the earliest trusted timestamp proving the signature existed; null without one. */
  proofOfExistence: string | null;
  /** Revocation checked by OCSP or CRL, from the file's DSS or the network (not the database flag above); revokedAt as that data says. */
  revocation: { checked: boolean; source: "dss" | "network" | null; status: "good" | "revoked" | "unknown" | null; at: string | null; revokedAt: string | null };
  /** Why the next level is not met, in words. */
  shortfalls: string[];
};

export interface VerifyOptions {
  /** The time to validate at (tests move it past a certificate's expiry); now by default. */
  now?: Date;
}

export type ArchiveMatch = { campaign: string; unit: string; kind: string; assignmentId: string };

/** The headline: every signature good; good signatures over a file changed since; a bad or untrusted signature; none. */
export type Verdict = "valid" | "modified" | "invalid" | "unsigned";

/** An OCSP response or CRL of the file's DSS that was not used: for which signature (null: none of them), and why, in words. */
export type RejectedData = RejectedValidationData & { signature: string | null; message: string };

export type PdfVerification =
  | { ok: false; message: string }
  | {
      ok: true;
      verdict: Verdict;
      message: string;
      fileName: string;
      size: number;
      sha256: string;
      signatures: SignatureCheck[];
      archived: ArchiveMatch[];
      /** The file's validation data that was rejected: once per signature it concerns, stray data once (a stored document's is audited). */
      rejectedValidationData: RejectedData[];
    };

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
 * the archived versions (by SHA-256, including the files a long-term archive timestamp produced), and the
 * PAdES level each signature reaches at `now`. Never trusts the file name or the browser's content type.
 */
export async function verifyUploadedPdf(actor: Actor | null, bytes: Uint8Array | null, name?: string, options: VerifyOptions = {}): Promise<PdfVerification> {
  const now = options.now ?? new Date();
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
    infos = await readPdfSignatures(bytes, { caCertDer: ca.certDer, trustAnchor: chainsToTrustAnchor, maxBytes: MAX_UPLOAD_BYTES });
  } catch (error) {
    if (!(error instanceof PdfSignatureReadError)) throw error;
    if (error.code === "not-a-pdf") {
      const kind = sniffKind(bytes);
      const message = kind
        ? formatMessage(errors.notPdfKind, { fileName, kind: m.verification.sniffedKinds[kind] })
        : formatMessage(errors.notPdf, { fileName });
      return { ok: false, message };
    }
    const refusals = { "too-large": errors.tooLarge, damaged: errors.damaged, "too-many-signatures": errors.tooManySignatures, "too-many-pages": errors.tooManyPages, "too-complex": errors.tooComplex };
    return { ok: false, message: formatMessage(refusals[error.code], { size, fileName }) };
  }

  const sha256 = sha256Hex(bytes);
  // By fingerprint, i.e. the exact certificate: another CA may well have issued one with the same serial.
  const ours = { where: { sha256Fingerprint: { in: infos.flatMap((i) => (i.signer ? [i.signer.sha256Fingerprint] : [])) } }, select: { sha256Fingerprint: true, revokedAt: true } };
  const [documents, archiveTimestamps, people, organisations] = await Promise.all([
    prisma.assignmentDocument.findMany({
      where: { sha256 },
      select: { kind: true, assignment: { select: { id: true, unit: { select: { name: true } }, campaign: { select: { name: true } } } } },
    }),
    // A renewed or completed file carries a document timestamp added after its last AssignmentDocument.
    prisma.archiveTimestamp.findMany({
      where: { sha256 },
      select: { assignment: { select: { id: true, unit: { select: { name: true } }, campaign: { select: { name: true } } } } },
    }),
    prisma.userCertificate.findMany(ours),
    // An issuing body's certificate (the organisation signature of an issued document).
    prisma.organisationCertificate.findMany(ours),
  ]);
  const certificates = [...people, ...organisations];
  const changes = m.verification.changes;
  // Only for signatures that verify under the city CA: the issuer passed to OCSP/CRL checks is that CA.
  // The file's own validation data first (offline, as of signing); the network only when none of it counts.
  const dss = infos.find((info) => info.dss)?.dss;
  const fileCerts = infos.flatMap((info) => [info.signer, info.timestampCertificate].flatMap((c) => (c ? [c.certDer] : [])));
  const stray = dss ? await findStrayValidationData(dss, fileCerts, ca.certDer) : [];
  const revocations = await Promise.all(
    infos.map(async (info) => {
      if (info.kind !== "signature" || !info.valid || !info.signer) return null;
      const signer = info.signer;
      const embedded = info.dss ? await checkSignatureValidationData({ ...info, signer, dss: info.dss }, ca.certDer, now) : null;
      const rejected = embedded?.rejected ?? [];
      if (embedded?.signer.checked) return { ...embedded.signer, longTerm: embedded.longTerm, rejected };
      const online = info.issuedByCa ? { ...(await checkRevocationOnline(signer.certDer, ca.certDer, now)), revokedAt: null } : null;
      return { ...(online ?? { checked: false, source: null, status: null, at: null, revokedAt: null }), longTerm: false, rejected };
    }),
  );
  const signatures = infos.map((info, index): SignatureCheck => {
    const certificate = certificates.find((c) => c.sha256Fingerprint === info.signer?.sha256Fingerprint);
    const time = info.timestampTime ?? info.signingTime;
    const revocation = revocations[index];
    const judged = judgeSignatureLevel(m, info, infos, now, revocation?.longTerm === true, [...(revocation?.rejected ?? []), ...(info.kind === "signature" ? stray : [])]);
    return {
      kind: info.kind,
      signer: info.signer?.commonName || info.name || m.verification.unknownSigner,
      time: time ? formatMessage(m.verification.vietnamTime, { time: formatSigningTime(time) }) : null,
      timeSource: info.timestampTime ? "timestamp" : info.signingTime ? "claimed" : null,
      valid: info.valid && judged.problems.length === 0,
      coversWholeFile: info.coversWholeFile,
      addedAfter: info.changesAfter.allowed.map((change) => changes.allowed[change]),
      changedAfter: info.changesAfter.disallowed.map((change) => changes.disallowed[change]),
      issuedByCityCa: info.issuedByCa === true,
      issuedByTrustList: info.issuedByTrustAnchor === true,
      revoked: certificate ? certificate.revokedAt !== null : null,
      revokedAt: certificate?.revokedAt ? formatSigningTime(certificate.revokedAt) : null,
      problems: [...info.problems.map((problem) => describeSignatureProblem(m, problem)), ...judged.problems],
      level: judged.level,
      proofOfExistence: judged.proofOfExistence ? formatMessage(m.verification.vietnamTime, { time: formatSigningTime(judged.proofOfExistence) }) : null,
      // From the file's DSS or the network; `revoked` above is this system's own record.
      revocation: revocation?.checked
        ? {
            checked: true,
            source: revocation.source,
            status: revocation.status,
            at: revocation.at ? formatSigningTime(revocation.at) : null,
            revokedAt: revocation.revokedAt ? formatSigningTime(revocation.revokedAt) : null,
          }
        : { checked: false, source: null, status: null, at: null, revokedAt: null },
      shortfalls: judged.shortfalls,
    };
  });
  const archived = [
    ...documents.map((d) => ({ assignment: d.assignment, kind: m.common.documentKinds[d.kind] })),
    ...archiveTimestamps.map((a) => ({ assignment: a.assignment, kind: m.verification.longTerm.archiveKind })),
  ].map(({ assignment, kind }) => ({ campaign: assignment.campaign.name, unit: assignment.unit.name, kind, assignmentId: assignment.id }));
  const verdict = verdictOf(signatures);
  const summary = m.verification.summary;
  const message = {
    unsigned: summary.noSignatures,
    valid: formatMessage(signatures.some((s) => s.issuedByTrustList) ? summary.allValidTrustList : summary.allValid, {
      count: signatures.filter((s) => s.kind === "signature").length,
    }),
    modified: summary.modified,
    invalid: summary.someInvalid,
  }[verdict];
  const rejectedValidationData = [
    ...revocations.flatMap((revocation, index) => (revocation?.rejected ?? []).map((data) => ({ ...data, signature: signatures[index]!.signer }))),
    ...stray.map((data) => ({ ...data, signature: null })),
  ].map((data) => ({ ...data, message: describeRejectedValidationData(m, data) }));
  return { ok: true, verdict, message, fileName, size: bytes.byteLength, sha256, signatures, archived, rejectedValidationData };
}

// A broken signature outranks everything; then a change after signing, which makes every signature moot
// for what the file shows now, even if each one is intact over the bytes it covers; then trust.
function verdictOf(signatures: SignatureCheck[]): Verdict {
  if (signatures.length === 0) return "unsigned";
  if (signatures.some((s) => !s.valid)) return "invalid";
  if (signatures.some((s) => s.changedAfter.length > 0)) return "modified";
  // A document timestamp's TSA certificate is a service certificate, not a person's: trusted if the city CA issued it.
  // A signer's: not revoked by our record, or (a certificate camket never registered) found good by its CA.
  const notRevoked = (s: SignatureCheck) => s.revoked !== true && s.revocation.status !== "revoked" && (s.revoked === false || s.revocation.status === "good");
  return signatures.every((s) => (s.issuedByCityCa || s.issuedByTrustList) && (s.kind === "document-timestamp" || notRevoked(s))) ? "valid" : "invalid";
}
