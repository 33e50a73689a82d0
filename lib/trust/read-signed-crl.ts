import { normalizeSerial, x509, type ParsedCertificate } from "./certificates";

/** A CRL that `issuer` signed, with its revoked serials (canonical hex) and their revocation dates. */
export type SignedCrl = { crl: x509.X509Crl; revokedSerials: Map<string, Date> };

/** Why a CRL proves nothing about `issuer`'s certificates: unreadable, from another issuer by name, or not signed by the issuer's key. */
export type CrlRejection = "malformed" | "otherIssuer" | "badSignature";

/**
 * Reads a DER CRL and keeps it only when `issuer` signed it: same issuer name, and the signature verifies with
 * the issuer's key, so a CRL another key made under the CA's name is no proof either way. Whether it is current
 * is the caller's question: a network check asks it of today, a file's validation data of the signature's time.
 */
export async function readSignedCrl(bytes: Uint8Array, issuer: ParsedCertificate): Promise<SignedCrl | { reason: CrlRejection }> {
  let crl: x509.X509Crl;
  try {
    crl = new x509.X509Crl(new Uint8Array(bytes));
  } catch {
    return { reason: "malformed" };
  }
  if (crl.issuer !== issuer.subject) return { reason: "otherIssuer" };
  let signed = false;
  try {
    signed = await crl.verify({ publicKey: issuer.cert });
  } catch {
    signed = false;
  }
  if (!signed) return { reason: "badSignature" };
  const revokedSerials = new Map<string, Date>();
  for (const entry of crl.entries) revokedSerials.set(normalizeSerial(entry.serialNumber), entry.revocationDate);
  return { crl, revokedSerials };
}
