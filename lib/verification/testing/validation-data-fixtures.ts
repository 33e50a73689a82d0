import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as pkijs from "pkijs";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { issueUserCertificate, type CityCaKey } from "@/lib/signing/city-ca";
import { createCityCaSigner } from "@/lib/signing/city-ca-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { createSamplePdf } from "@/lib/signing/testing/sample-pdf";
import { headSignOptions } from "@/lib/signing/testing/sign-fixtures";
import type { TestCa } from "@/lib/signing/testing/external-test-ca";
import { lastByteRange, vriKeyOf } from "@/lib/signing/vri-key";
import { currentTimestamper } from "@/lib/timestamping/current-timestamper";
import { appendDssRevision } from "@/lib/long-term/append-dss-revision";

/** Test helpers for a file's own validation data: a signature by a city CA certificate, and DSS revisions to add after it. */

const EC = { name: "ECDSA", namedCurve: "P-256" } as const;

/** A PDF signed by a fresh city CA certificate and time-stamped by the built-in TSA, as B-T: no DSS yet. */
export async function signedByCityCa() {
  const ca = await getCityCa();
  const person = await issueUserCertificate(ca, { fullName: "Lê Văn Tám", jobTitle: "Chủ tịch UBND phường", unitName: "UBND phường Hàm Tiến" });
  const signer = await createCityCaSigner({ certDer: person.certDer, privateKeyPkcs8: person.privateKeyPkcs8, issuerCertsDer: [ca.certDer] });
  const pdf = await signPdf({ ...headSignOptions({ head: { signer } } as never, await createSamplePdf()), timestamper: currentTimestamper() });
  const [info] = await readPdfSignatures(pdf, { caCertDer: ca.certDer });
  return { ca, person, pdf, tsaCertDer: info!.timestampCertificate!.certDer, timestampTime: info!.timestampTime! };
}

/** `pdf` with a DSS revision covering its last signature and holding exactly this data. */
export function withDss(pdf: Uint8Array, data: { certs: Uint8Array[]; ocsps?: Uint8Array[]; crls?: Uint8Array[] }): Uint8Array {
  return appendDssRevision(pdf, [{ vriKey: vriKeyOf(pdf, lastByteRange(pdf)), certs: data.certs, ocsps: data.ocsps ?? [], crls: data.crls ?? [] }], new Date());
}

/** The city CA as a TestCa, so lib/trust's fixtures can issue certificates and sign OCSP responses with its key. */
export async function cityCaAsTestCa(ca: CityCaKey): Promise<TestCa> {
  const cert = new x509.X509Certificate(new Uint8Array(ca.certDer));
  const privateKey = await webcrypto.subtle.importKey("pkcs8", new Uint8Array(ca.privateKeyPkcs8), EC, false, ["sign"]);
  return { certDer: ca.certDer, certPem: cert.toString("pem"), subject: cert.subject, keys: { privateKey, publicKey: await cert.publicKey.export() }, cert };
}

/** An OCSP request (DER) for `certDer`, which `issuerDer` issued: what lib/trust's ocspResponse answers. */
export async function ocspRequestFor(certDer: Uint8Array, issuerDer: Uint8Array): Promise<Uint8Array> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(pkijs.Certificate.fromBER(new Uint8Array(certDer)), { hashAlgorithm: "SHA-256", issuerCertificate: pkijs.Certificate.fromBER(new Uint8Array(issuerDer)) });
  return new Uint8Array(request.toSchema(true).toBER());
}

/** A P-256 key that is not the city CA's, as PKCS#8: to sign a CRL under the CA's name. */
export async function otherKeyPkcs8(): Promise<Uint8Array> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ["sign", "verify"]);
  return new Uint8Array(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
}
