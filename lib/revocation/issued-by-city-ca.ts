import { X509Certificate } from "node:crypto";

/**
 * Whether the city CA signed this certificate. The user table also holds certificates of foreign CAs from the
 * trust list (tokens, remote signing), whose status is their own CA's to publish, not ours; a subject string
 * can be copied, a signature cannot.
 */
export function issuedByCityCa(certDer: Uint8Array, caCertDer: Uint8Array): boolean {
  try {
    const ca = new X509Certificate(caCertDer);
    const cert = new X509Certificate(certDer);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}
