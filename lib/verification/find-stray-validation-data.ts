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
  // Each certificate once: every DSS revision stores the CA's again, and signatures share their TSA's.
  const unique = new Map([...fileCertsDer, ...dss.certs].map(parseCertificate).flatMap((c) => (c ? [[c.sha256Fingerprint, c] as const] : [])));
  const certs = [...unique.values()];
  const ca = parseCertificate(caCertDer);
  const candidates = ca ? [ca, ...certs] : certs;
  const pairs = certs.flatMap((leaf) => {
    const issuer = candidates.find((c) => issuedBy(leaf, c));
    return issuer ? [{ leaf, issuer }] : [];
  });
  const stray: RejectedValidationData[] = [];
  for (const response of dss.ocsps) {
    const reason = await strayReason(response, pairs);
    if (reason) stray.push({ kind: "ocsp", reason, certificate: null });
  }
  for (const bytes of dss.crls) {
    const issuerName = crlIssuer(bytes);
    if (issuerName === undefined) stray.push({ kind: "crl", reason: "malformed", certificate: null });
    else if (!certs.some((c) => c.issuer === issuerName)) stray.push({ kind: "crl", reason: "otherIssuer", certificate: null });
  }
  return stray;
}

/** Null when the response is about one of the certificates (judging it is check-embedded-revocation.ts's); else why it is stray. */
async function strayReason(response: Uint8Array, pairs: { leaf: ParsedCertificate; issuer: ParsedCertificate }[]): Promise<"malformed" | "otherCertificate" | null> {
  for (const { leaf, issuer } of pairs) {
    const answer = await judgeOcspResponse(response, leaf, issuer);
    if (answer.status !== "UNKNOWN" || answer.reason !== "otherCertificate") return answer.status === "UNKNOWN" && answer.reason === "malformed" ? "malformed" : null;
  }
  return "otherCertificate";
}

function crlIssuer(bytes: Uint8Array): string | undefined {
  try {
    return new x509.X509Crl(new Uint8Array(bytes)).issuer;
  } catch {
    return undefined;
  }
}
