import { getCityCa } from "@/lib/signatures/city-ca-store";
import { issueServiceCertificate } from "@/lib/signing/city-ca";

export interface OcspResponder {
  certDer: Uint8Array;
  privateKey: CryptoKey;
  notAfter: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Short-lived on purpose: it carries id-pkix-ocsp-nocheck, so its own revocation is never asked about. */
const VALIDITY_MS = 7 * DAY_MS;

let current: Promise<OcspResponder> | undefined;

/**
 * The delegated OCSP responder (RFC 6960 §4.2.2.2) of this process: a key that never leaves memory and a
 * week-long certificate from the city CA, renewed a day before it ends. Each instance has its own; a client
 * accepts any, since each is issued by the CA for OCSP signing.
 */
export async function getOcspResponder(now = new Date()): Promise<OcspResponder> {
  const held = await current?.catch(() => undefined);
  if (held && held.notAfter.getTime() - now.getTime() > DAY_MS) return held;
  current = issueResponder(now);
  return current;
}

async function issueResponder(now: Date): Promise<OcspResponder> {
  const ca = await getCityCa();
  const issued = await issueServiceCertificate(ca, { commonName: "Máy chủ OCSP của CA ký số thành phố", purpose: "ocsp", validityMs: VALIDITY_MS, now });
  const privateKey = await crypto.subtle.importKey("pkcs8", new Uint8Array(issued.privateKeyPkcs8), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  return { certDer: issued.certDer, privateKey, notAfter: issued.notAfter };
}
