import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { issueTimestampToken, type TsaKey } from "./issue-timestamp-token";

/** Hashes a request may be made with, and their digest lengths. */
const ACCEPTED_HASHES: Record<string, number> = {
  "2.16.840.1.101.3.4.2.1": 32, // SHA-256
  "2.16.840.1.101.3.4.2.2": 48, // SHA-384
  "2.16.840.1.101.3.4.2.3": 64, // SHA-512
};
// PKIFailureInfo bits (RFC 3161 §2.4.2).
const BAD_ALG = 0;
const BAD_REQUEST = 2;

/**
 * The TSA's answer (TimeStampResp, DER) to an RFC 3161 request: granted with a token, or rejection with the
 * reason — a hash other than SHA-2, a digest of the wrong length, or bytes that are no request at all.
 */
export async function answerTimestampRequest(tsa: TsaKey, requestDer: Uint8Array, now = new Date()): Promise<Uint8Array> {
  let request: pkijs.TimeStampReq;
  try {
    request = pkijs.TimeStampReq.fromBER(new Uint8Array(requestDer));
  } catch {
    return rejection(BAD_REQUEST);
  }
  const length = ACCEPTED_HASHES[request.messageImprint.hashAlgorithm.algorithmId];
  if (length === undefined) return rejection(BAD_ALG);
  if (request.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== length) return rejection(BAD_REQUEST);
  const token = await issueTimestampToken(tsa, request.messageImprint, request.nonce, now);
  return new Uint8Array(
    new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: pkijs.ContentInfo.fromBER(new Uint8Array(token)),
    })
      .toSchema()
      .toBER(),
  );
}

function rejection(failBit: number): Uint8Array {
  // A BIT STRING with only `failBit` set: unused bits in the last byte, bit 0 the most significant.
  const byte = 0x80 >> failBit;
  const failInfo = new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits: 7 - failBit });
  return new Uint8Array(
    new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, failInfo }) }).toSchema().toBER(),
  );
}
