import { createHash } from "node:crypto";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { certificateFields } from "@/lib/signing/certificate-fields";
import { objectIdentifier, octetString, sequence } from "@/lib/signing/der";
import { OID } from "@/lib/signing/oids";
import { answerOcspRequest } from "./answer-ocsp-request";
import { issuedByCityCa } from "./issued-by-city-ca";
import type { IssuedCertificateStatus } from "./find-issued-certificate";

/**
 * The OCSP response the public responder would give for this certificate, made in-process (validation data to
 * embed in a PDF, PAdES B-LT); null when the city CA did not issue the certificate.
 */
export async function ocspResponseForCertificate(
  certDer: Uint8Array,
  now = new Date(),
  /** Given when the caller already knows it (a certificate it just read, the built-in TSA's): no query. */
  knownStatus?: IssuedCertificateStatus,
): Promise<Uint8Array | null> {
  const ca = await getCityCa();
  if (!issuedByCityCa(certDer, ca.certDer)) return null;
  const requestDer = sequence(sequence(sequence(sequence(certificateId(certDer, ca.certDer)))));
  return knownStatus ? answerOcspRequest(requestDer, now, async () => knownStatus) : answerOcspRequest(requestDer, now);
}

/** CertID ::= SEQUENCE { hashAlgorithm (SHA-256), issuerNameHash, issuerKeyHash, serialNumber } (RFC 6960 §4.1.1). */
function certificateId(certDer: Uint8Array, issuerDer: Uint8Array): Uint8Array {
  const issuer = certificateFields(issuerDer);
  const sha256 = (bytes: Uint8Array) => octetString(createHash("sha256").update(bytes).digest());
  return sequence(sequence(objectIdentifier(OID.sha256)), sha256(issuer.subject.raw), sha256(issuer.publicKey), certificateFields(certDer).serialNumber.raw);
}
