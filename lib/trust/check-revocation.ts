import type { ParsedCertificate } from "./certificates";
import { checkCrlRevocation, type RevocationCheck } from "./check-crl-revocation";
import { checkOcspRevocation } from "./check-ocsp-revocation";

/**
 * A certificate's status from its own CA: OCSP first when the certificate names a responder (fresher), its CRL
 * when OCSP gives no usable answer. A certificate that names a responder but no CRL and got no answer is
 * UNKNOWN for "ocsp", so the message names the responder rather than a missing CRL.
 */
export async function checkRevocation(leaf: ParsedCertificate, issuer: ParsedCertificate, now: Date): Promise<RevocationCheck> {
  const ocsp = await checkOcspRevocation(leaf, issuer, now);
  if (ocsp.status !== "UNKNOWN") return ocsp;
  const crl = await checkCrlRevocation(leaf, issuer, now);
  return crl.status === "UNKNOWN" && crl.reason === "none" && ocsp.url ? { status: "UNKNOWN", reason: "ocsp", url: ocsp.url } : crl;
}
