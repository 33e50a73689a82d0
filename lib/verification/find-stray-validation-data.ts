import type { DocumentSecurityStore } from "@/lib/signing/read-document-security-store";
import { issuedBy, parseCertificate, x509, type ParsedCertificate } from "@/lib/trust/certificates";
import { judgeOcspResponse } from "@/lib/trust/check-ocsp-revocation";
import type { RejectedValidationData } from "./rejected-validation-data";

/**
 * The DSS's OCSP responses and CRLs that concern none of the file's certificates (its signers', its TSAs', the
 * ones the DSS carries): an OCSP response about another certificate, a CRL from an issuer none of them names,
 * or data that cannot be read. Each is rejected once for the file, not per signature.
 */
export async function findStrayValidationData(dss: DocumentSecurityStore, fileCertsDer: Uint8Array[], caCertDer: Uint8Array): Promise<RejectedValidationData[]> {
  const certs = [...fileCertsDer, ...dss.certs].map(parseCertificate).filter((c): c is ParsedCertificate => c !== undefined);
  const ca = parseCertificate(caCertDer);
  const candidates = ca ? [ca, ...certs] : certs;
  const pairs = certs.flatMap((leaf) => {
    const issuer = candidates.find((c) => issuedBy(leaf, c));
    return issuer ? [{ leaf, issuer }] : [];
  });
  const stray: RejectedValidationData[] = [];
  for (const response of dss.ocsps) {
    const answers = await Promise.all(pairs.map(({ leaf, issuer }) => judgeOcspResponse(response, leaf, issuer)));
    const about = answers.filter((a) => a.status !== "UNKNOWN" || (a.reason !== "otherCertificate" && a.reason !== "malformed"));
    if (about.length > 0) continue;
    stray.push({ kind: "ocsp", reason: answers.some((a) => a.status === "UNKNOWN" && a.reason === "malformed") ? "malformed" : "otherCertificate", certificate: null });
  }
  for (const bytes of dss.crls) {
    const issuerName = crlIssuer(bytes);
    if (issuerName === undefined) stray.push({ kind: "crl", reason: "malformed", certificate: null });
    else if (!certs.some((c) => c.issuer === issuerName)) stray.push({ kind: "crl", reason: "otherIssuer", certificate: null });
  }
  return stray;
}

function crlIssuer(bytes: Uint8Array): string | undefined {
  try {
    return new x509.X509Crl(new Uint8Array(bytes)).issuer;
  } catch {
    return undefined;
  }
}
