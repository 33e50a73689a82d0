import * as pkijs from "pkijs";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { extractSignatureCms } from "@/lib/signing/read-pdf-signatures";
import { OID } from "@/lib/signing/oids";
import { ocspResponseForCertificate } from "@/lib/revocation/ocsp-response-for-certificate";
import { getBuiltInTsa } from "@/lib/timestamping/get-built-in-tsa";
import { currentTimestamper } from "@/lib/timestamping/current-timestamper";
import { appendDssRevision } from "./append-dss-revision";
import { lastByteRange, vriKeyOf } from "@/lib/signing/vri-key";

/**
 * PAdES B-LT for the signature the last revision added: its signer's chain, its time-stamp token's chain, and
 * an OCSP response for every certificate of theirs the city CA issued (signed by the responder, whose own
 * certificate comes along and needs no check), appended as a DSS revision. `vouched` are certificates the
 * caller has just read as good (the signer's), so they cost no query, like the built-in TSA's own. A foreign CA's
 * certificate gets its chain but no revocation data here; the verifier says so.
 */
export async function addSignatureValidationData(pdf: Uint8Array, vouched: Uint8Array[], now: Date): Promise<Uint8Array> {
  const byteRange = lastByteRange(pdf);
  const certs = certificatesOf(extractSignatureCms(pdf, byteRange));
  const ca = await getCityCa();
  // The built-in TSA's certificate is a service certificate, which is never revoked; with a configured TSA the
  // built-in one is not touched (nor created).
  const trustedNow = currentTimestamper().source === "built-in" ? [...vouched, (await getBuiltInTsa()).certDer] : vouched;
  const ocsps: Uint8Array[] = [];
  const responderCerts: Uint8Array[] = [];
  for (const cert of certs) {
    if (sameBytes(cert, ca.certDer)) continue;
    const known = trustedNow.some((v) => sameBytes(v, cert)) ? ({ status: "good" } as const) : undefined;
    // Null for a certificate the city CA did not issue (a foreign CA's chain).
    const response = await ocspResponseForCertificate(cert, now, known);
    if (!response) continue;
    ocsps.push(response);
    responderCerts.push(...responderCertificatesOf(response));
  }
  return appendDssRevision(pdf, [{ vriKey: vriKeyOf(pdf, byteRange), certs: unique([...certs, ...responderCerts]), ocsps, crls: [] }], now);
}

/** The CMS's certificates and those of its signature time-stamp token, as DER. */
function certificatesOf(cms: Uint8Array): Uint8Array[] {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(cms)).content });
  const token = signedData.signerInfos[0]?.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  const tokenData = token ? new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content }) : undefined;
  return [...derOf(signedData), ...(tokenData ? derOf(tokenData) : [])];
}

function derOf(signedData: pkijs.SignedData): Uint8Array[] {
  return (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new Uint8Array(c.toSchema().toBER()));
}

function responderCertificatesOf(ocspResponse: Uint8Array): Uint8Array[] {
  const response = pkijs.OCSPResponse.fromBER(new Uint8Array(ocspResponse));
  if (!response.responseBytes) return [];
  const basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView));
  return (basic.certs ?? []).map((c) => new Uint8Array(c.toSchema().toBER()));
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

function unique(list: Uint8Array[]): Uint8Array[] {
  return list.filter((der, i) => list.findIndex((other) => sameBytes(other, der)) === i);
}
