import type { PdfSignatureInfo } from "@/lib/signing/read-pdf-signatures";
import { issuedBy, parseCertificate, type ParsedCertificate } from "@/lib/trust/certificates";
import { judgeOcspResponse, type OcspAnswer } from "@/lib/trust/check-ocsp-revocation";
import type { RevocationFinding } from "./check-revocation-online";
import { judgeEmbeddedCrl, type EmbeddedCrlAnswer } from "./judge-embedded-crl";
import type { CertificateRole, RejectedValidationData } from "./rejected-validation-data";

export type EmbeddedFinding = Omit<RevocationFinding, "source"> & {
  source: "dss" | null;
  /** When the certificate was revoked, as the OCSP response or CRL says. */
  revokedAt: Date | null;
  /** The file's OCSP responses and CRLs about this certificate that do not count, and why. */
  rejected: RejectedValidationData[];
};

type Counted = Extract<OcspAnswer | EmbeddedCrlAnswer, { status: "GOOD" | "REVOKED" }>;

/**
 * What the file's own DSS says of a certificate (works offline, years later), from its OCSP responses and CRLs.
 * The issuer is the city CA or a certificate the DSS carries. An OCSP response counts when it is about this
 * certificate and signed by its issuer or the issuer's delegated responder, judged at the time it was made; a
 * CRL when the issuer signed it and it was current at `proofOfExistence`. Any counted answer saying revoked
 * wins over those saying good. Data about this certificate that does not count is listed with its reason; data
 * about other certificates is find-stray-validation-data.ts's to judge.
 */
export async function checkEmbeddedRevocation(
  certDer: Uint8Array,
  role: CertificateRole,
  dss: NonNullable<PdfSignatureInfo["dss"]>,
  caCertDer: Uint8Array,
  proofOfExistence: Date,
): Promise<EmbeddedFinding> {
  const notChecked: EmbeddedFinding = { checked: false, source: null, status: null, at: null, revokedAt: null, rejected: [] };
  const leaf = parseCertificate(certDer);
  if (!leaf) return notChecked;
  const issuer = [caCertDer, ...dss.certs].map(parseCertificate).find((c): c is ParsedCertificate => c !== undefined && issuedBy(leaf, c));
  if (!issuer) return notChecked;
  const ocsps = await Promise.all(dss.ocsps.map((response) => judgeOcspResponse(response, leaf, issuer)));
  const crls = await Promise.all(dss.crls.map((crl) => judgeEmbeddedCrl(crl, leaf, issuer, proofOfExistence)));
  const rejected: RejectedValidationData[] = [
    ...ocsps.flatMap((a): RejectedValidationData[] => (a.status === "UNKNOWN" && a.reason !== "otherCertificate" && a.reason !== "malformed" ? [{ kind: "ocsp", reason: a.reason, certificate: role }] : [])),
    ...crls.flatMap((a): RejectedValidationData[] => {
      if (a.status !== "REJECTED") return [];
      return a.reason === "expired" ? [{ kind: "crl", reason: "expired", certificate: role, nextUpdate: a.nextUpdate, proofOfExistence }] : [{ kind: "crl", reason: a.reason, certificate: role }];
    }),
  ];
  const counted = [...ocsps, ...crls].filter((a): a is Counted => a.status === "GOOD" || a.status === "REVOKED");
  const answer = counted.find((a) => a.status === "REVOKED") ?? counted[0];
  if (!answer) return { ...notChecked, rejected };
  return answer.status === "REVOKED"
    ? { checked: true, source: "dss", status: "revoked", at: answer.thisUpdate, revokedAt: answer.revokedAt, rejected }
    : { checked: true, source: "dss", status: "good", at: answer.thisUpdate, revokedAt: null, rejected };
}
