import { issuedBy, parseCertificate, type ParsedCertificate } from "./certificates";
import type { RevocationEvidence } from "./check-crl-revocation";
import { checkRevocation } from "./check-revocation";

/**
 * What a foreign CA answers now about one of its certificates (a configured TSA's, say): the OCSP response or
 * CRL, to embed in a signed PDF's DSS; null for a root, a certificate whose issuer is not among `candidates`, or
 * one its CA gave no usable answer for (the verifier then says why the signature is below B-LT).
 */
export async function fetchRevocationEvidence(certDer: Uint8Array, candidatesDer: Uint8Array[], now: Date): Promise<RevocationEvidence | null> {
  const leaf = parseCertificate(certDer);
  if (!leaf || leaf.selfSigned) return null;
  const issuer = candidatesDer.map(parseCertificate).find((c): c is ParsedCertificate => c !== undefined && issuedBy(leaf, c));
  if (!issuer) return null;
  const answer = await checkRevocation(leaf, issuer, now);
  return answer.status === "UNKNOWN" ? null : answer.evidence;
}
