import * as pkijs from "pkijs";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { answerOcspRequest } from "./answer-ocsp-request";
import { issuedByCityCa } from "./issued-by-city-ca";

/**
 * The OCSP response the public responder would give for this certificate, made in-process (validation data to
 * embed in a PDF, PAdES B-LT); null when the city CA did not issue the certificate.
 */
export async function ocspResponseForCertificate(certDer: Uint8Array, now = new Date()): Promise<Uint8Array | null> {
  const ca = await getCityCa();
  if (!issuedByCityCa(certDer, ca.certDer)) return null;
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(pkijs.Certificate.fromBER(new Uint8Array(certDer)), {
    hashAlgorithm: "SHA-256",
    issuerCertificate: pkijs.Certificate.fromBER(new Uint8Array(ca.certDer)),
  });
  return answerOcspRequest(new Uint8Array(request.toSchema(true).toBER()), now);
}
