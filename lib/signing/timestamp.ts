import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash, randomBytes, verify, X509Certificate } from "node:crypto";
import { OID } from "./oids";
import { signatureValueOf, withUnsignedAttribute } from "./cms-structure";

/** RFC 3161 time-stamping: turns a PAdES B-B signature into B-T. */

const TIMEOUT_MS = 15_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export class TimestampError extends Error {
  override name = "TimestampError";
}

/** Asks the TSA to time-stamp a SHA-256 digest; returns the TimeStampToken (a CMS ContentInfo, DER). */
export async function requestTimestampToken(tsaUrl: string, digest: Uint8Array): Promise<Uint8Array> {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x40; // positive, minimal DER INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce) }),
    certReq: true,
  });
  let body: ArrayBuffer;
  try {
    const response = await fetch(tsaUrl, {
      method: "POST",
      headers: { "Content-Type": "application/timestamp-query" },
      body: request.toSchema().toBER(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new TimestampError(`TSA answered HTTP ${response.status}`);
    body = await response.arrayBuffer();
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError(`TSA unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (body.byteLength > MAX_RESPONSE_BYTES) throw new TimestampError("TSA response is too large");

  let token: pkijs.ContentInfo | undefined;
  let signedData: pkijs.SignedData;
  let tstInfoDer: ArrayBuffer;
  let tstInfo: pkijs.TSTInfo;
  try {
    const response = pkijs.TimeStampResp.fromBER(body);
    if (response.status.status > 1) throw new TimestampError(`TSA refused the request (status ${response.status.status})`);
    token = response.timeStampToken;
    if (!token) throw new TimestampError("TSA response has no token");
    signedData = new pkijs.SignedData({ schema: token.content });
    const eContent = signedData.encapContentInfo.eContent;
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent) throw new TimestampError("Token is not a TSTInfo");
    tstInfoDer = eContent.getValue();
    tstInfo = pkijs.TSTInfo.fromBER(tstInfoDer);
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError(`Malformed TSA response: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The token must answer this request, not a replayed one.
  if (Buffer.compare(new Uint8Array(tstInfo.messageImprint.hashedMessage.getValue()), digest) !== 0) {
    throw new TimestampError("Token time-stamps a different digest");
  }
  if (!tstInfo.nonce || Buffer.compare(new Uint8Array(tstInfo.nonce.valueBlock.valueHexView), nonce) !== 0) {
    throw new TimestampError("Token nonce does not match the request");
  }
  checkTokenSignature(signedData, tstInfoDer);
  return new Uint8Array(token.toSchema().toBER());
}

const DIGESTS: Record<string, string> = { "2.16.840.1.101.3.4.2.1": "sha256", "2.16.840.1.101.3.4.2.2": "sha384", "2.16.840.1.101.3.4.2.3": "sha512" };

/**
 * The token must be signed by a time-stamping certificate it carries (EKU id-kp-timeStamping), over signed
 * attributes whose messageDigest is the TSTInfo's: a proxy or a misconfigured server must not pass off any
 * signature as trusted time. (pkijs's own verify wants the time-stamped data itself, which we never hold.)
 */
function checkTokenSignature(signedData: pkijs.SignedData, tstInfoDer: ArrayBuffer): void {
  const signerInfo = signedData.signerInfos[0];
  const hash = signerInfo && DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  if (!signerInfo?.signedAttrs || !hash) throw new TimestampError("Token has no signed attributes");
  const digest = signerInfo.signedAttrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
  if (!(digest instanceof asn1js.OctetString) || Buffer.compare(Buffer.from(digest.valueBlock.valueHexView), createHash(hash).update(new Uint8Array(tstInfoDer)).digest()) !== 0) {
    throw new TimestampError("Token signature does not cover its TSTInfo");
  }
  const signedAttributes = new Uint8Array(signerInfo.signedAttrs.encodedValue); // already re-tagged as a SET
  const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const signer = (signedData.certificates ?? []).find((cert): cert is pkijs.Certificate => {
    if (!(cert instanceof pkijs.Certificate) || !isTimestampingCertificate(cert)) return false;
    try {
      const publicKey = new X509Certificate(new Uint8Array(cert.toSchema().toBER())).publicKey;
      return verify(hash, signedAttributes, { key: publicKey, dsaEncoding: "der" }, signature);
    } catch {
      return false;
    }
  });
  if (!signer) throw new TimestampError("Token signature does not verify with a time-stamping certificate");
}

function isTimestampingCertificate(cert: pkijs.Certificate): boolean {
  const eku = cert.extensions?.find((extension) => extension.extnID === "2.5.29.37");
  return (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes.includes(OID.timeStamping) === true;
}

/**
 * Where a signature's trusted time comes from. `stamp` returns a TimeStampToken over the SHA-256 digest, or
 * null when the caller chose to go on without one (it has recorded why); a failure throws TimestampError.
 */
export interface SignatureTimestamper {
  /** Bytes to reserve in /Contents for the token (its SignedData carries the TSA's chain). */
  tokenCapacity: number;
  stamp(digest: Uint8Array): Promise<Uint8Array | null>;
}

/** A TSA reached over HTTP (CAMKET_TSA_URL, or a test TSA): RSA chains run to ~6 KB, hence the room. */
export function httpTimestamper(tsaUrl: string): SignatureTimestamper & { stamp(digest: Uint8Array): Promise<Uint8Array> } {
  return { tokenCapacity: 12_288, stamp: (digest) => requestTimestampToken(tsaUrl, digest) };
}

/**
 * Adds id-aa-signatureTimeStampToken (over the SignerInfo's signature value) as an unsigned attribute, spliced in
 * at byte level; the CMS unchanged when the timestamper declines (B-B fallback, recorded by its caller).
 */
export async function addSignatureTimestamp(cms: Uint8Array, timestamper: SignatureTimestamper): Promise<Uint8Array> {
  const token = await timestamper.stamp(new Uint8Array(createHash("sha256").update(signatureValueOf(cms)).digest()));
  return token ? withUnsignedAttribute(cms, OID.signatureTimeStampToken, token) : cms;
}
