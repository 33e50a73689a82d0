import { createHash } from "node:crypto";
import {
  contextConstructed,
  objectIdentifier,
  octetString,
  sequence,
  set,
  setOf,
  smallInteger,
  unsignedInteger,
} from "./der";
import { OID } from "./oids";
import { certificateFields } from "./certificate-fields";

/**
 * CAdES-style CMS SignedData with the three signed attributes PAdES B-B asks for. Shared by the city CA
 * signer, the test TSA and any future signer that can only sign a hash (most remote-signing APIs).
 * Assembled from pre-encoded DER parts: certificates are never re-encoded, so their signatures stay intact.
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
  const [signerDer] = input.certificateChain;
  if (!signerDer) throw new Error("certificateChain is empty");
  const signedAttributes = signedAttributesDer({ contentDigest: input.contentDigest, signerCertDer: signerDer, contentType: input.contentType });
  return assembleSignedData({ ...input, signedAttributes, signature: await input.signSignedAttributes(signedAttributes) });
}

/**
 * The first phase of a CAdES signature: the DER SET of signed attributes (contentType, messageDigest,
 * signing-certificate-v2 naming `signerCertDer`) that the key signs. A key the server never holds (a token,
 * a .p12 in the browser, a CSC service) signs exactly these bytes (or their SHA-256) between the phases.
 */
export function signedAttributesDer(input: { contentDigest: Uint8Array; signerCertDer: Uint8Array; contentType?: string }): Uint8Array {
  // DER SET OF order; what gets signed is this universal SET, embedded in the SignerInfo as [0] IMPLICIT.
  return setOf([
    attribute(OID.contentType, objectIdentifier(input.contentType ?? OID.data)),
    attribute(OID.messageDigest, octetString(input.contentDigest)),
    attribute(OID.signingCertificateV2, signerIdentity(input.signerCertDer).signingCertificateV2),
  ]);
}

/** The second phase: the SignedData around signed attributes and the signature value made over them. */
export function assembleSignedData(input: {
  signedAttributes: Uint8Array;
  /** The SignerInfo signature value (ECDSA: DER Ecdsa-Sig-Value). */
  signature: Uint8Array;
  certificateChain: Uint8Array[];
  signatureAlgorithmOid?: string;
  contentType?: string;
  encapsulatedContent?: Uint8Array;
}): Uint8Array {
  const [signerDer] = input.certificateChain;
  if (!signerDer) throw new Error("certificateChain is empty");
  const contentType = input.contentType ?? OID.data;
  const sha256 = sequence(objectIdentifier(OID.sha256));
  const signedAttributesImplicit = new Uint8Array(input.signedAttributes);
  signedAttributesImplicit[0] = 0xa0;

  const signerInfo = sequence(
    smallInteger(1),
    signerIdentity(signerDer).issuerAndSerialNumber,
    sha256,
    signedAttributesImplicit,
    sequence(objectIdentifier(input.signatureAlgorithmOid ?? OID.ecdsaWithSha256)),
    octetString(input.signature),
  );
  const encapContentInfo = input.encapsulatedContent
    ? sequence(objectIdentifier(contentType), contextConstructed(0, octetString(input.encapsulatedContent)))
    : sequence(objectIdentifier(contentType));
  const signedData = sequence(
    smallInteger(contentType === OID.data ? 1 : 3), // RFC 5652 §5.1
    set(sha256),
    encapContentInfo,
    contextConstructed(0, ...input.certificateChain),
    set(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), contextConstructed(0, signedData));
}

/** WebCrypto ECDSA gives r||s; CMS wants DER SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

/** A CMS Attribute with one value. */
export function attribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(objectIdentifier(type), set(value));
}

interface SignerIdentity {
  issuerAndSerialNumber: Uint8Array;
  signingCertificateV2: Uint8Array;
}

// Parsed once per certificate: a signer signs many documents with the same certificate.
const identities = new WeakMap<Uint8Array, SignerIdentity>();

function signerIdentity(certDer: Uint8Array): SignerIdentity {
  let identity = identities.get(certDer);
  if (!identity) {
    const { serialNumber, issuer } = certificateFields(certDer);
    // ESS SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial { GeneralNames[directoryName], serial } }] };
    // hashAlgorithm is omitted because SHA-256 is its DEFAULT.
    const certHash = octetString(createHash("sha256").update(certDer).digest());
    const issuerSerial = sequence(sequence(contextConstructed(4, issuer.raw)), serialNumber.raw);
    identity = {
      issuerAndSerialNumber: sequence(issuer.raw, serialNumber.raw),
      signingCertificateV2: sequence(sequence(sequence(certHash, issuerSerial))),
    };
    identities.set(certDer, identity);
  }
  return identity;
}
