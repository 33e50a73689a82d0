import { children, contextConstructed, objectIdentifier, readElement, sequence, set, tlv, type Element } from "./der";
import { OID } from "./oids";
import { attribute } from "./cms-signed-data";

/**
 * Byte-level reading and splicing of the CMS SignedData camket assembles (always DER, see cms-signed-data.ts):
 * the signing hot path touches a few elements instead of building pkijs's object model of the whole structure
 * (a profile of the B-LT pipeline put most of its time, and its garbage, in asn1js parsing and re-encoding).
 */
interface SignedDataParts {
  /** ContentInfo's contentType element, kept as it is. */
  contentType: Element;
  /** SignedData's fields up to (not including) signerInfos. */
  head: Element[];
  signerInfos: Element[];
}

function partsOf(cms: Uint8Array): SignedDataParts {
  const [contentType, explicit] = children(readElement(cms));
  const signedData = explicit?.tag === 0xa0 ? children(explicit)[0] : undefined;
  if (contentType?.tag !== 0x06 || signedData?.tag !== 0x30) throw new Error("CMS: not a ContentInfo with SignedData");
  const fields = children(signedData);
  const signerInfos = fields.at(-1);
  if (signerInfos?.tag !== 0x31) throw new Error("CMS: no signerInfos");
  return { contentType, head: fields.slice(0, -1), signerInfos: children(signerInfos) };
}

/** The first SignerInfo's fields: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs. */
function signerFields(parts: SignedDataParts): Element[] {
  const signerInfo = parts.signerInfos[0];
  if (signerInfo?.tag !== 0x30) throw new Error("CMS: no SignerInfo");
  return children(signerInfo);
}

/** The first SignerInfo's signature value (what a signature time-stamp token is made over). */
export function signatureValueOf(cms: Uint8Array): Uint8Array {
  const signature = signerFields(partsOf(cms)).find((field) => field.tag === 0x04);
  if (!signature) throw new Error("CMS: SignerInfo has no signature");
  return signature.value;
}

/** The certificates the SignedData carries ([0] certificates), as their own DER bytes. */
export function certificatesOf(cms: Uint8Array): Uint8Array[] {
  const certificates = partsOf(cms).head.find((field) => field.tag === 0xa0);
  return certificates ? children(certificates).filter((c) => c.tag === 0x30).map((c) => c.raw) : [];
}

/** The first SignerInfo's unsigned attribute values of `type` (e.g. its signature time-stamp token). */
function unsignedAttributeValues(cms: Uint8Array, type: string): Uint8Array[] {
  const unsigned = signerFields(partsOf(cms)).find((field) => field.tag === 0xa1);
  const oid = objectIdentifier(type);
  return (unsigned ? children(unsigned) : [])
    .map((attribute) => children(attribute))
    .filter(([attributeType]) => attributeType !== undefined && Buffer.compare(attributeType.raw, oid) === 0)
    .flatMap(([, values]) => (values ? children(values).map((v) => v.raw) : []));
}

/** The CMS with one more unsigned attribute on its first SignerInfo; every other byte of it is kept. */
export function withUnsignedAttribute(cms: Uint8Array, type: string, value: Uint8Array): Uint8Array {
  const parts = partsOf(cms);
  const fields = signerFields(parts);
  const unsigned = fields.find((field) => field.tag === 0xa1);
  const signerInfo = sequence(
    ...fields.filter((field) => field !== unsigned).map((field) => field.raw),
    tlv(0xa1, ...(unsigned ? children(unsigned).map((a) => a.raw) : []), attribute(type, value)),
  );
  const signedData = sequence(...parts.head.map((field) => field.raw), set(signerInfo, ...parts.signerInfos.slice(1).map((s) => s.raw)));
  return sequence(parts.contentType.raw, contextConstructed(0, signedData));
}

/** The certificates of the CMS and of its signature time-stamp token: everything needed to build their chains. */
export function certificatesWithTimestampOf(cms: Uint8Array): Uint8Array[] {
  const tokens = unsignedAttributeValues(cms, OID.signatureTimeStampToken);
  return [...certificatesOf(cms), ...tokens.flatMap(certificatesOf)];
}
