import type { OcspRejection } from "@/lib/trust/check-ocsp-revocation";

/** Whose certificate a piece of validation data was about: a signature's signer or its time-stamping authority. */
export type CertificateRole = "signer" | "timestamp";

/** One OCSP response or CRL from a file's DSS that camket did not accept, and why (worded by describe-rejected-validation-data.ts). */
export type RejectedValidationData =
  | { kind: "ocsp"; reason: OcspRejection; certificate: CertificateRole | null }
  | { kind: "crl"; reason: "unauthorisedSigner" | "malformed" | "otherIssuer"; certificate: CertificateRole | null }
  /** Its nextUpdate (null: none) was before the signature's proof-of-existence time. */
  | { kind: "crl"; reason: "expired"; certificate: CertificateRole; nextUpdate: Date | null; proofOfExistence: Date };
