import { X509Certificate, verify } from "node:crypto";
import { ecdsaRawToDer } from "./cms-signed-data";
import { OID } from "./oids";

export type ExternalSignatureCheck =
  | { ok: true; signatureValue: Uint8Array; signatureAlgorithmOid: string }
  | { ok: false; reason: "not-a-certificate" | "unsupported-key" | "signature-mismatch" };

/**
 * The finalize half's first check: is `signature` the certificate's key signing exactly `signedAttributes`
 * (SHA-256)? Tokens, WebCrypto and CSC services return ECDSA as r‖s or DER and RSA as PKCS#1 v1.5; the
 * result is the SignerInfo's value and algorithm. Nothing is embedded that this has not verified.
 */
export function checkExternalSignature(signedAttributes: Uint8Array, signature: Uint8Array, certDer: Uint8Array): ExternalSignatureCheck {
  let key;
  try {
    key = new X509Certificate(Buffer.from(certDer)).publicKey;
  } catch {
    return { ok: false, reason: "not-a-certificate" };
  }
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") {
    // A P-256 r‖s is exactly 64 bytes; anything else is taken as DER.
    const der = signature.length === 64 ? ecdsaRawToDer(signature) : signature;
    const valid = verifies(() => verify("sha256", signedAttributes, { key, dsaEncoding: "der" }, der));
    return valid ? { ok: true, signatureValue: der, signatureAlgorithmOid: OID.ecdsaWithSha256 } : { ok: false, reason: "signature-mismatch" };
  }
  if (key.asymmetricKeyType === "rsa") {
    const valid = verifies(() => verify("sha256", signedAttributes, key, signature));
    return valid ? { ok: true, signatureValue: signature, signatureAlgorithmOid: OID.sha256WithRsaEncryption } : { ok: false, reason: "signature-mismatch" };
  }
  return { ok: false, reason: "unsupported-key" };
}

/** A malformed signature makes node throw; for the caller it is simply not a valid one. */
function verifies(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
