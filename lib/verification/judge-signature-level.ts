import type { PdfSignatureInfo } from "@/lib/signing/read-pdf-signatures";
import type { Messages } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { describeRejectedValidationData } from "./describe-rejected-validation-data";
import type { RejectedValidationData } from "./rejected-validation-data";

export type PadesLevel = "B-B" | "B-T" | "B-LT" | "B-LTA";

export interface SignatureLevel {
  level: PadesLevel | null;
  /** The earliest trusted time-stamp (its own, or a document time-stamp after it) proving the signature existed. */
  proofOfExistence: Date | null;
  /** Why the next level is not met, in words. */
  shortfalls: string[];
  /** Why the signature is not valid at `now` although its bytes are intact (an expired certificate without proof). */
  problems: string[];
}

/** A trusted time-stamp's time, provided its TSA certificate is still valid at `now`. */
function trustedTime(info: PdfSignatureInfo, now: Date): Date | null {
  if (!info.timestampTrusted || !info.timestampTime || !info.timestampCertificate) return null;
  return info.timestampCertificate.notAfter >= now ? info.timestampTime : null;
}

const endOf = (info: PdfSignatureInfo) => (info.byteRange[2] ?? 0) + (info.byteRange[3] ?? 0);

/**
 * Judges one signature of a file at `now` (PAdES, ETSI EN 319 142-1): B-B when its CMS is valid, B-T with a
 * trusted signature time-stamp. A certificate expired at `now` still counts when a trusted time-stamp proves the
 * signature existed before notAfter: a document time-stamp later in the file covers every signature before it.
 * B-LT when the file's DSS covers the signature with good revocation data for its signer and its TSA; B-LTA when a
 * trusted document time-stamp follows as well. Below B-LT, the file's validation data that was rejected is part of
 * why B-LT is not met, so each piece is named among the shortfalls.
 */
export function judgeSignatureLevel(
  messages: Messages,
  info: PdfSignatureInfo,
  all: PdfSignatureInfo[],
  now: Date,
  /** The file's DSS holds good revocation data for the signer's and the TSA's certificates (check-signature-validation-data.ts). */
  longTermData = false,
  /** The file's OCSP responses and CRLs for this signature that were not used (check-signature-validation-data.ts). */
  rejectedData: RejectedValidationData[] = [],
): SignatureLevel {
  const words = messages.verification.longTerm;
  const own = trustedTime(info, now);
  const covering = all
    .filter((other) => other.kind === "document-timestamp" && other.valid && endOf(other) > endOf(info))
    .map((other) => trustedTime(other, now))
    .filter((time): time is Date => time !== null);
  const proofs = [own, ...covering].filter((time): time is Date => time !== null).sort((a, b) => a.getTime() - b.getTime());
  const proofOfExistence = proofs[0] ?? null;
  if (info.kind === "document-timestamp") return { level: null, proofOfExistence, shortfalls: [], problems: [] };

  const problems: string[] = [];
  const notAfter = info.signer?.notAfter;
  if (notAfter && notAfter < now) {
    if (!proofOfExistence) problems.push(formatMessage(words.expiredWithoutProof, { time: formatSigningTime(notAfter) }));
    else if (proofOfExistence > notAfter) {
      problems.push(formatMessage(words.timestampAfterExpiry, { time: formatSigningTime(proofOfExistence), notAfter: formatSigningTime(notAfter) }));
    }
  }
  if (!info.valid || problems.length > 0) return { level: null, proofOfExistence, shortfalls: [], problems };
  if (own && longTermData) {
    return covering.length > 0 ? { level: "B-LTA", proofOfExistence, shortfalls: [], problems } : { level: "B-LT", proofOfExistence, shortfalls: [words.shortfalls.noArchiveTimestamp], problems };
  }
  const rejected = rejectedData.map((data) => describeRejectedValidationData(messages, data));
  if (own) return { level: "B-T", proofOfExistence, shortfalls: [words.shortfalls.noLongTermData, ...rejected], problems };
  const why = info.timestampTime ? words.shortfalls.untrustedTimestamp : words.shortfalls.noTimestamp;
  return { level: "B-B", proofOfExistence, shortfalls: [why, ...rejected], problems };
}
