import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import type { CityCaKey } from "@/lib/signing/city-ca";
import type { RevokedCertificate } from "./list-revoked-certificates";

/** How long a CRL stays current; get-current-crl.ts renews it at half of this. */
export const CRL_VALIDITY_MS = 24 * 60 * 60 * 1000;
const CRL_NUMBER = "2.5.29.20";

/**
 * The city CA's X.509 v2 CRL (RFC 5280 §5): signed by the CA key itself, issuer copied byte for byte from the
 * CA certificate, with the Authority Key Identifier and a CRL number that grows with time (the seconds of
 * thisUpdate), so instances that build it independently still number it monotonically.
 */
export async function buildCrl(ca: CityCaKey, revoked: RevokedCertificate[], now: Date): Promise<Uint8Array> {
  const caCert = new x509.X509Certificate(new Uint8Array(ca.certDer));
  const signingKey = await crypto.subtle.importKey("pkcs8", new Uint8Array(ca.privateKeyPkcs8), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  const crlNumber = new asn1js.Integer({ value: Math.floor(now.getTime() / 1000) }).toBER();
  const crl = await x509.X509CrlGenerator.create({
    issuer: caCert.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_VALIDITY_MS),
    entries: revoked.map((entry) => ({ serialNumber: entry.serialHex, revocationDate: entry.revokedAt })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(caCert), new x509.Extension(CRL_NUMBER, false, crlNumber)],
    signingKey,
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
  });
  return new Uint8Array(crl.rawData);
}
