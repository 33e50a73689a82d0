import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash, randomBytes } from "node:crypto";
import { OID } from "./oids";

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
  let tstInfo: pkijs.TSTInfo;
  try {
    const response = pkijs.TimeStampResp.fromBER(body);
    if (response.status.status > 1) throw new TimestampError(`TSA refused the request (status ${response.status.status})`);
    token = response.timeStampToken;
    if (!token) throw new TimestampError("TSA response has no token");
    const signedData = new pkijs.SignedData({ schema: token.content });
    const eContent = signedData.encapContentInfo.eContent;
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent) throw new TimestampError("Token is not a TSTInfo");
    tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
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
  return new Uint8Array(token.toSchema().toBER());
}

/** Adds id-aa-signatureTimeStampToken (over the SignerInfo's signature value) as an unsigned attribute. */
export async function addSignatureTimestamp(cms: Uint8Array, tsaUrl: string): Promise<Uint8Array> {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error("CMS has no SignerInfo");
  const digest = createHash("sha256").update(signerInfo.signature.valueBlock.valueHexView).digest();
  const token = await requestTimestampToken(tsaUrl, new Uint8Array(digest));
  const attribute = new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(token).result] });
  signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [...(signerInfo.unsignedAttrs?.attributes ?? []), attribute],
  });
  const updated = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(updated.toSchema().toBER());
}
