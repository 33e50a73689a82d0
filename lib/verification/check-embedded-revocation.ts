import type { PdfSignatureInfo } from "@/lib/signing/read-pdf-signatures";
import { issuedBy, parseCertificate, type ParsedCertificate } from "@/lib/trust/certificates";
import { judgeOcspResponse } from "@/lib/trust/check-ocsp-revocation";
import type { RevocationFinding } from "./check-revocation-online";

export type EmbeddedFinding = Omit<RevocationFinding, "source"> & { source: "dss" | null };
const NOT_CHECKED: EmbeddedFinding = { checked: false, source: null, status: null, at: null };

/**
 * What the file's own DSS says of a certificate (works offline, years later): the first embedded OCSP response
 * that is about it, signed by its issuer or the issuer's delegated responder, judged at the time it was made.
 * The issuer is the city CA or a certificate the DSS carries. A response for another certificate or signed by
 * an unauthorised key proves nothing and is passed over.
 */
export async function checkEmbeddedRevocation(certDer: Uint8Array, dss: NonNullable<PdfSignatureInfo["dss"]>, caCertDer: Uint8Array): Promise<EmbeddedFinding> {
  const leaf = parseCertificate(certDer);
  if (!leaf) return NOT_CHECKED;
  const issuer = [caCertDer, ...dss.certs].map(parseCertificate).find((c): c is ParsedCertificate => c !== undefined && issuedBy(leaf, c));
  if (!issuer) return NOT_CHECKED;
  for (const response of dss.ocsps) {
    const answer = await judgeOcspResponse(response, leaf, issuer);
    if (answer.status === "GOOD") return { checked: true, source: "dss", status: "good", at: answer.thisUpdate };
    if (answer.status === "REVOKED") return { checked: true, source: "dss", status: "revoked", at: answer.thisUpdate };
  }
  return NOT_CHECKED;
}

/** B-LT's condition for one signature: a VRI entry, and good embedded answers for its signer's and its TSA's certificates. */
export async function hasLongTermData(info: PdfSignatureInfo, signer: EmbeddedFinding, caCertDer: Uint8Array): Promise<boolean> {
  if (!info.dss || !info.inDss || signer.status !== "good" || !info.timestampCertificate) return false;
  return (await checkEmbeddedRevocation(info.timestampCertificate.certDer, info.dss, caCertDer)).status === "good";
}
