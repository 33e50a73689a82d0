import { createHash } from "node:crypto";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { certificateFields } from "@/lib/signing/certificate-fields";
import { bitString, children, contextConstructed, generalizedTime, objectIdentifier, octetString, sameBytes, sequence, tlv } from "@/lib/signing/der";
import { ecdsaRawToDer } from "@/lib/signing/cms-signed-data";
import { OID } from "@/lib/signing/oids";
import { findIssuedCertificate, type IssuedCertificateStatus } from "./find-issued-certificate";
import { getOcspResponder } from "./get-ocsp-responder";
import { readOcspRequest } from "./read-ocsp-request";

const BASIC_RESPONSE = "1.3.6.1.5.5.7.48.1.1";
const NONCE = objectIdentifier("1.3.6.1.5.5.7.48.1.2");
const HASHES = new Map([
  [Buffer.from(objectIdentifier("1.3.14.3.2.26")).toString("hex"), "sha1"],
  [Buffer.from(objectIdentifier(OID.sha256)).toString("hex"), "sha256"],
]);
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
 * malformedRequest, never an exception. Read and written at byte level: the signing pipeline asks this for every
 * signature (B-LT), and pkijs's object model was most of its cost.
 */
export async function answerOcspRequest(
  requestDer: Uint8Array,
  now = new Date(),
  /** What the CA knows of a serial; the signing pipeline passes what it has just read instead of asking again. */
  lookup: (serialHex: string, caCertDer: Uint8Array) => Promise<IssuedCertificateStatus | null> = findIssuedCertificate,
): Promise<Uint8Array> {
  let request: ReturnType<typeof readOcspRequest>;
  try {
    request = readOcspRequest(requestDer);
  } catch {
    return statusOnly(OCSP_STATUS.malformedRequest);
  }
  if (request.asked.length === 0 || request.asked.length > MAX_REQUESTS) return statusOnly(OCSP_STATUS.malformedRequest);

  const ca = await getCityCa();
  const { subject: issuerName, publicKey: issuerKey } = certificateFields(ca.certDer);
  const thisUpdate = generalizedTime(now);
  const nextUpdate = contextConstructed(0, generalizedTime(new Date(now.getTime() + OCSP_VALIDITY_MS)));
  const responses = await Promise.all(
    request.asked.map(async (asked) => {
      const hash = HASHES.get(Buffer.from(children(asked.hashAlgorithm)[0]?.raw ?? []).toString("hex"));
      const ours =
        hash !== undefined &&
        sameBytes(asked.issuerNameHash, createHash(hash).update(issuerName.raw).digest()) &&
        sameBytes(asked.issuerKeyHash, createHash(hash).update(issuerKey).digest());
      const status = ours ? await lookup(Buffer.from(asked.serialNumber).toString("hex"), ca.certDer) : null;
      // SingleResponse ::= SEQUENCE { certID, certStatus, thisUpdate, nextUpdate [0] EXPLICIT }
      return sequence(asked.certId, certStatus(status), thisUpdate, nextUpdate);
    }),
  );

  const responder = await getOcspResponder(now);
  const nonce = request.extensions.find((extension) => sameBytes(children(extension)[0]?.raw ?? new Uint8Array(), NONCE));
  // ResponseData ::= SEQUENCE { responderID byName [1] EXPLICIT Name, producedAt, responses, responseExtensions [1] EXPLICIT }
  const tbsResponseData = sequence(
    contextConstructed(1, certificateFields(responder.certDer).subject.raw),
    generalizedTime(now),
    sequence(...responses),
    ...(nonce ? [contextConstructed(1, sequence(nonce.raw))] : []),
  );
  const signature = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, responder.privateKey, tbsResponseData));
  const basic = sequence(tbsResponseData, sequence(objectIdentifier(OID.ecdsaWithSha256)), bitString(ecdsaRawToDer(signature)), contextConstructed(0, sequence(responder.certDer)));
  return sequence(enumerated(OCSP_STATUS.successful), contextConstructed(0, sequence(objectIdentifier(BASIC_RESPONSE), octetString(basic))));
}

/** An unsuccessful answer carries only its status (RFC 6960 §4.2.1: no responseBytes). */
export function statusOnly(status: number): Uint8Array {
  return sequence(enumerated(status));
}

const enumerated = (value: number) => tlv(0x0a, Uint8Array.of(value));

// CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
function certStatus(status: IssuedCertificateStatus | null): Uint8Array {
  if (status?.status === "revoked") return contextConstructed(1, generalizedTime(status.revokedAt));
  return tlv(status ? 0x80 : 0x82);
}

