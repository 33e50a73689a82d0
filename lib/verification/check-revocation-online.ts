import { parseCertificate } from "@/lib/trust/certificates";
import { checkOcspRevocation } from "@/lib/trust/check-ocsp-revocation";
import { checkCrlRevocation } from "@/lib/trust/check-crl-revocation";

export interface RevocationFinding {
  checked: boolean;
  source: "network" | null;
  status: "good" | "revoked" | null;
  /** When the status was established (the time of the check). */
  at: Date | null;
}

const NOT_CHECKED: RevocationFinding = { checked: false, source: null, status: null, at: null };

/**
 * Asks the network about the signer's certificate: the OCSP responder it names first, then its CRL, each with
 * lib/trust's limits (timeouts, sizes, signed by the issuer or its delegated responder, current). A certificate
 * naming neither, or answers that prove nothing, leave it unchecked rather than guessed.
 */
export async function checkRevocationOnline(signerDer: Uint8Array, issuerDer: Uint8Array, now: Date): Promise<RevocationFinding> {
  const leaf = parseCertificate(signerDer);
  const issuer = parseCertificate(issuerDer);
  if (!leaf || !issuer) return NOT_CHECKED;
  const ocsp = await checkOcspRevocation(leaf, issuer, now);
  const answer = ocsp.status !== "UNKNOWN" ? ocsp : await checkCrlRevocation(leaf, issuer, now);
  if (answer.status === "UNKNOWN") return NOT_CHECKED;
  return { checked: true, source: "network", status: answer.status === "GOOD" ? "good" : "revoked", at: now };
}
