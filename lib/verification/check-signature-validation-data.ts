import type { PdfSignatureInfo } from "@/lib/signing/read-pdf-signatures";
import { checkEmbeddedRevocation, type EmbeddedFinding } from "./check-embedded-revocation";
import type { RejectedValidationData } from "./rejected-validation-data";

export type SignatureValidationData = {
  /** What the file's DSS says of the signer's certificate. */
  signer: EmbeddedFinding;
  /** B-LT's condition: a VRI entry, and good embedded answers for the signer's and the TSA's certificates. */
  longTerm: boolean;
  /** Validation data about the signer's or the TSA's certificate that does not count, and why. */
  rejected: RejectedValidationData[];
};

/**
 * The file's DSS judged for one signature. The time it must speak for is the signature's proof of existence:
 * the trusted timestamp's time, else the signing time it claims (else `now`), so a CRL that had expired
 * before then is refused.
 */
export async function checkSignatureValidationData(
  info: PdfSignatureInfo & { signer: NonNullable<PdfSignatureInfo["signer"]>; dss: NonNullable<PdfSignatureInfo["dss"]> },
  caCertDer: Uint8Array,
  now: Date,
): Promise<SignatureValidationData> {
  const proofOfExistence = (info.timestampTrusted ? info.timestampTime : undefined) ?? info.signingTime ?? now;
  const signer = await checkEmbeddedRevocation(info.signer.certDer, "signer", info.dss, caCertDer, proofOfExistence);
  const tsa = info.timestampCertificate ? await checkEmbeddedRevocation(info.timestampCertificate.certDer, "timestamp", info.dss, caCertDer, proofOfExistence) : null;
  const longTerm = info.inDss === true && signer.status === "good" && tsa?.status === "good";
  return { signer, longTerm, rejected: [...signer.rejected, ...(tsa?.rejected ?? [])] };
}
