import { createHash, X509Certificate } from "node:crypto";

// Asked for every certificate of every signature (B-LT) with the same few certificates: parsing both and checking
// the CA's signature each time showed in the profile. Bounded; a certificate's issuer never changes.
const known = new Map<string, boolean>();
const MAX_KNOWN = 10_000;

/**
 * Whether the city CA signed this certificate. The user table also holds certificates of foreign CAs from the
 * trust list (tokens, remote signing), whose status is their own CA's to publish, not ours; a subject string
 * can be copied, a signature cannot.
 */
export function issuedByCityCa(certDer: Uint8Array, caCertDer: Uint8Array): boolean {
  const key = createHash("sha256").update(caCertDer).update(certDer).digest("hex");
  let issued = known.get(key);
  if (issued === undefined) {
    issued = checkIssued(certDer, caCertDer);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, issued);
  }
  return issued;
}

function checkIssued(certDer: Uint8Array, caCertDer: Uint8Array): boolean {
  try {
    const ca = new X509Certificate(caCertDer);
    const cert = new X509Certificate(certDer);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}
