import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";

/**
 * True when the PKCS#8 private key is the one whose public key the certificate carries. Signing with
 * any other key would produce PDFs whose signatures never verify (or, with a swapped row, someone
 * else's key), so the signer refuses before signing.
 */
export function keyMatchesCertificate(privateKeyPkcs8: Uint8Array, certDer: Uint8Array): boolean {
  try {
    const fromKey = createPublicKey(createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: "der", type: "pkcs8" }));
    const fromCertificate = new X509Certificate(Buffer.from(certDer)).publicKey;
    return fromKey.equals(fromCertificate);
  } catch {
    return false; // not a key or not a certificate: certainly no match
  }
}
