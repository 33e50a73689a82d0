import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash } from "node:crypto";
import { OID } from "./oids";

/**
 * CAdES-style CMS SignedData with the three signed attributes PAdES B-B asks for. Shared by the city CA
 * signer, the test TSA and any future signer that can only sign a hash (most remote-signing APIs).
 */
export interface BuildSignedDataInput {
  /** SHA-256 of the (detached or encapsulated) content. */
  contentDigest: Uint8Array;
  /** DER, signer first. All are embedded. */
  certificateChain: Uint8Array[];
  /** Signs the DER of the signed attributes; returns the SignerInfo signature value (ECDSA: DER Ecdsa-Sig-Value). */
  signSignedAttributes(der: Uint8Array): Promise<Uint8Array>;
  signatureAlgorithmOid?: string;
  /** Defaults to id-data. */
  contentType?: string;
  /** Present only for encapsulated content (e.g. a TSTInfo); PDF signatures stay detached. */
  encapsulatedContent?: Uint8Array;
}

export async function buildSignedData(input: BuildSignedDataInput): Promise<Uint8Array> {
  const [signerDer, ...rest] = input.certificateChain;
  if (!signerDer) throw new Error("certificateChain is empty");
  const signerCert = parseCertificate(signerDer);
  const contentType = input.contentType ?? OID.data;

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: sortForDer([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: input.contentDigest })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signerDer, signerCert)] }),
    ]),
  });
  // What gets signed is the attributes as a universal SET (tag 0x31), not the [0] IMPLICIT form embedded.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signature = await input.signSignedAttributes(toSign);

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: contentType,
      ...(input.encapsulatedContent && { eContent: new asn1js.OctetString({ valueHex: input.encapsulatedContent }) }),
    }),
    certificates: [signerCert, ...rest.map(parseCertificate)],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCert.issuer, serialNumber: signerCert.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: input.signatureAlgorithmOid ?? OID.ecdsaWithSha256 }),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** WebCrypto ECDSA gives r||s; CMS wants DER SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    return trimmed[0]! & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed;
  };
  return new Uint8Array(
    new asn1js.Sequence({
      value: [
        new asn1js.Integer({ valueHex: integer(raw.subarray(0, half)) }),
        new asn1js.Integer({ valueHex: integer(raw.subarray(half)) }),
      ],
    }).toBER(),
  );
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der));
}

// ESS SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial }] }; hashAlgorithm is
// omitted because SHA-256 is its DEFAULT (DER forbids encoding defaults).
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const certId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: new Uint8Array(createHash("sha256").update(certDer).digest()) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] });
}

// DER sorts SET OF members by their encodings; OpenSSL re-encodes signed attributes that way when
// verifying, so an unsorted set would not verify there.
function sortForDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER()) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map((entry) => entry.attribute);
}
