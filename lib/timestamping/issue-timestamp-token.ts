import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash, randomBytes } from "node:crypto";
import { buildSignedData, ecdsaRawToDer } from "@/lib/signing/cms-signed-data";
import { OID } from "@/lib/signing/oids";

/** A time-stamping key in hand: the built-in TSA's (from the database) or a test TSA's. */
export interface TsaKey {
  /** The TSA certificate first, then its issuers. */
  chainDer: Uint8Array[];
  privateKey: CryptoKey;
}

/** camket's time-stamping policy (a private arc, as the test TSA used): the genTime is the server clock, ±1 s. */
export const TSA_POLICY = "1.3.6.1.4.1.99999.3161.1";

/**
 * An RFC 3161 TimeStampToken (CMS SignedData over a TSTInfo, DER) for `imprint`: unique serial, genTime to the
 * second, accuracy one second, the request's nonce echoed, the TSA's chain included and the
 * signing-certificate-v2 attribute naming its certificate (RFC 5816).
 */
export async function issueTimestampToken(tsa: TsaKey, imprint: pkijs.MessageImprint, nonce: asn1js.Integer | undefined, now: Date): Promise<Uint8Array> {
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: TSA_POLICY,
    messageImprint: imprint,
    serialNumber: new asn1js.Integer({ valueHex: new Uint8Array([1, ...randomBytes(15)]) }),
    genTime: new Date(Math.floor(now.getTime() / 1000) * 1000),
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(nonce && { nonce }),
  });
  const tstDer = new Uint8Array(tstInfo.toSchema().toBER());
  return buildSignedData({
    contentDigest: createHash("sha256").update(tstDer).digest(),
    certificateChain: tsa.chainDer,
    contentType: OID.tstInfo,
    encapsulatedContent: tstDer,
    signSignedAttributes: async (der) =>
      ecdsaRawToDer(new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, tsa.privateKey, new Uint8Array(der)))),
  });
}

/** A SHA-256 MessageImprint, the one form camket asks for. */
export function sha256Imprint(digest: Uint8Array): pkijs.MessageImprint {
  return new pkijs.MessageImprint({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest) }),
  });
}
