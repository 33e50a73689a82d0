import { X509Certificate } from "node:crypto";
import { addDocumentTimestamp } from "@/lib/signing/add-document-timestamp";
import { certificatesOf } from "@/lib/signing/cms-structure";
import { OID } from "@/lib/signing/oids";
import type { SignatureTimestamper } from "@/lib/signing/timestamp";
import { addSignatureValidationData, type FetchedValidationData } from "./add-signature-validation-data";

export interface LongTermResult {
  bytes: Uint8Array;
  /** Set when a document timestamp was added (B-LTA): its TSA certificate's end, before which it must be renewed. */
  archiveTimestamp?: { tsaCertificateExpiresAt: Date };
}

/**
 * What follows every signature camket makes, in the one pipeline: its validation data (PAdES B-LT), and, when
 * the revision finishes the document (countersigned, issued), a document timestamp over all of it (B-LTA).
 * `vouched`: certificates the caller has just read as good; `fetched`: what a foreign CA answered about them.
 */
export async function addLongTermData(
  pdf: Uint8Array,
  options: { vouched: Uint8Array[]; now: Date; timestamper: SignatureTimestamper; archive: boolean; fetched?: FetchedValidationData },
): Promise<LongTermResult> {
  const withValidationData = await addSignatureValidationData(pdf, options.vouched, options.now, options.fetched);
  if (!options.archive) return { bytes: withValidationData };
  const stamped = await addDocumentTimestamp(withValidationData, options.timestamper, options.now);
  if (!stamped) return { bytes: withValidationData };
  return { bytes: stamped.bytes, archiveTimestamp: { tsaCertificateExpiresAt: timestampingCertificateEnd(stamped.token) } };
}

/** The notAfter of the certificate that signed a time-stamp token (the one with EKU timeStamping it carries). */
function timestampingCertificateEnd(token: Uint8Array): Date {
  const tsa = certificatesOf(token)
    .map((der) => new X509Certificate(der))
    .find((cert) => cert.keyUsage?.includes(OID.timeStamping));
  if (!tsa) throw new Error("the time-stamp token carries no time-stamping certificate");
  return new Date(tsa.validTo);
}
