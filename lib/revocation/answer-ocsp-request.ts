import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash } from "node:crypto";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { findIssuedCertificate, type IssuedCertificateStatus } from "./find-issued-certificate";
import { getOcspResponder } from "./get-ocsp-responder";

const BASIC_RESPONSE = "1.3.6.1.5.5.7.48.1.1";
const NONCE = "1.3.6.1.5.5.7.48.1.2";
const HASHES: Record<string, string> = { "1.3.14.3.2.26": "sha1", "2.16.840.1.101.3.4.2.1": "sha256" };
/** A client asking about more certificates in one request than this is refused as malformed. */
const MAX_REQUESTS = 16;
/** How long a "good" stays fresh: revocation is live here, so clients should come back soon. */
export const OCSP_VALIDITY_MS = 60 * 60 * 1000;

/** RFC 6960 §4.2.1 OCSPResponseStatus values this responder answers with. */
export const OCSP_STATUS = { successful: 0, malformedRequest: 1, internalError: 2 } as const;

/**
 * The city CA's OCSP answer (RFC 6960) to a DER request: for each certificate asked about, good, revoked (with
 * the time) or unknown — unknown too when the CertID names another issuer or a hash we do not compute. Signed
 * by the delegated responder, its certificate included; the request's nonce is echoed. Garbage gets
 * malformedRequest, never an exception.
 */
export async function answerOcspRequest(requestDer: Uint8Array, now = new Date()): Promise<Uint8Array> {
  let request: pkijs.OCSPRequest;
  try {
    request = pkijs.OCSPRequest.fromBER(new Uint8Array(requestDer));
  } catch {
    return statusOnly(OCSP_STATUS.malformedRequest);
  }
  const asked = request.tbsRequest.requestList;
  if (asked.length === 0 || asked.length > MAX_REQUESTS) return statusOnly(OCSP_STATUS.malformedRequest);

  const ca = await getCityCa();
  const caCert = pkijs.Certificate.fromBER(new Uint8Array(ca.certDer));
  const issuerName = new Uint8Array(caCert.subject.toSchema().toBER());
  const issuerKey = caCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const responses = await Promise.all(
    asked.map(async ({ reqCert }) => {
      const hash = HASHES[reqCert.hashAlgorithm.algorithmId];
      const ours =
        hash !== undefined &&
        same(reqCert.issuerNameHash.valueBlock.valueHexView, createHash(hash).update(issuerName).digest()) &&
        same(reqCert.issuerKeyHash.valueBlock.valueHexView, createHash(hash).update(issuerKey).digest());
      const serialHex = Buffer.from(reqCert.serialNumber.valueBlock.valueHexView).toString("hex");
      const status = ours ? await findIssuedCertificate(serialHex, ca.certDer) : null;
      return new pkijs.SingleResponse({
        certID: reqCert,
        certStatus: certStatus(status),
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + OCSP_VALIDITY_MS),
      });
    }),
  );

  const responder = await getOcspResponder(now);
  const responderCert = pkijs.Certificate.fromBER(new Uint8Array(responder.certDer));
  const nonce = request.tbsRequest.requestExtensions?.find((extension) => extension.extnID === NONCE);
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: responderCert.subject,
      producedAt: now,
      responses,
      ...(nonce && { responseExtensions: [nonce] }),
    }),
    certs: [responderCert],
  });
  await basic.sign(responder.privateKey, "SHA-256");
  return new Uint8Array(
    new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: OCSP_STATUS.successful }),
      responseBytes: new pkijs.ResponseBytes({ responseType: BASIC_RESPONSE, response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }) }),
    })
      .toSchema()
      .toBER(),
  );
}

/** An unsuccessful answer carries only its status (RFC 6960 §4.2.1: no responseBytes). */
export function statusOnly(status: number): Uint8Array {
  return new Uint8Array(new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) }).toSchema().toBER());
}

// CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
function certStatus(status: IssuedCertificateStatus | null) {
  if (status?.status === "revoked") {
    return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: status.revokedAt })] });
  }
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: status ? 0 : 2 } });
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
