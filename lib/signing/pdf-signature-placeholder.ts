/**
 * The byte-level half of PDF signing: the revision is written with its final /ByteRange and a zero-filled
 * /Contents (`appendSignatureRevision`), then the CMS is written over the zeros, so no offset moves.
 */

/**
 * Beyond the certificates a CMS carries: SignerInfo (algorithms, signed attributes with the
 * signing-certificate-v2 hash, an ECDSA or RSA-4096 signature) and the DER wrapping, with a margin.
 */
const CMS_OVERHEAD_BYTES = 2_048;

/**
 * Bytes reserved for the CMS, sized from the chain it will carry instead of one fixed size: /Contents is
 * written as hex, so each unused byte costs two in every copy of the file. The city CA's P-256 chain needs
 * ~3 KB, not 16.
 */
export function signatureCapacity(chain: readonly Uint8Array[], timestampTokenBytes: number): number {
  const certificates = chain.reduce((sum, der) => sum + der.byteLength, 0);
  return certificates + CMS_OVERHEAD_BYTES + timestampTokenBytes;
}

export interface PreparedSignature {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside /Contents <...>. */
  contentsHexStart: number;
  /** Bytes of CMS the /Contents can hold. */
  capacity: number;
  /** SHA-256 of the two signed ranges: the CMS's messageDigest. */
  contentDigest: Uint8Array;
}

/** The exact bytes a signature covers: everything except the /Contents hex string. */
export function signedRangesContent(bytes: Uint8Array, byteRange: readonly number[]): Uint8Array {
  const [start1, length1, start2, length2] = byteRange as [number, number, number, number];
  const content = new Uint8Array(length1 + length2);
  content.set(bytes.subarray(start1, start1 + length1), 0);
  content.set(bytes.subarray(start2, start2 + length2), length1);
  return content;
}

/** The second phase: the CMS written as hex over the zeros of /Contents. */
export function writeContents(prepared: Omit<PreparedSignature, "contentDigest">, cms: Uint8Array): Uint8Array {
  if (cms.length > prepared.capacity) {
    throw new Error(`Signature is ${cms.length} bytes; only ${prepared.capacity} are reserved`);
  }
  prepared.bytes.set(Buffer.from(Buffer.from(cms).toString("hex").toUpperCase(), "latin1"), prepared.contentsHexStart);
  return prepared.bytes;
}
