/**
 * The byte-level half of PDF signing: a signature dictionary is written with a fixed-width /ByteRange
 * and a zero-filled /Contents, then both are patched in place so no offset moves.
 */

/**
 * Beyond the certificates a CMS carries: SignerInfo (algorithms, signed attributes with the
 * signing-certificate-v2 hash, an ECDSA or RSA-4096 signature) and the DER wrapping, with a margin.
 */
const CMS_OVERHEAD_BYTES = 2_048;
/** An RFC 3161 token carries its own SignedData with the TSA's chain (RSA chains run to ~6 KB). */
const TIMESTAMP_TOKEN_BYTES = 12_288;

/**
 * Bytes reserved for the CMS, sized from the chain it will carry instead of one fixed size: /Contents is
 * written as hex, so each unused byte costs two in every copy of the file, and a later revision's reader
 * (pdf-lib, when countersigning) parses the whole string. The city CA's P-256 chain needs ~3 KB, not 16.
 */
export function signatureCapacity(chain: readonly Uint8Array[], withTimestamp: boolean): number {
  const certificates = chain.reduce((sum, der) => sum + der.byteLength, 0);
  return certificates + CMS_OVERHEAD_BYTES + (withTimestamp ? TIMESTAMP_TOKEN_BYTES : 0);
}
// Ten digits fit any offset up to ~9.3 GB; the real values are written space-padded to the same width.
export const BYTE_RANGE_PLACEHOLDER = 9_999_999_999;

export interface PreparedSignature {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside /Contents <...>. */
  contentsHexStart: number;
  /** Bytes of CMS the /Contents can hold. */
  capacity: number;
}

/** The zero-filled hex string /Contents is written with, `capacity` bytes once filled. */
export const contentsPlaceholderHex = (capacity: number) => "0".repeat(capacity * 2);

/** Locates the placeholders at or after `from` (the start of the new revision) and fills /ByteRange. */
export function fillByteRange(bytes: Uint8Array, from: number, byteRangePlaceholderText: string, capacity: number): PreparedSignature {
  const CONTENTS_PLACEHOLDER = Buffer.from(`<${contentsPlaceholderHex(capacity)}>`, "latin1");
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const byteRangeMarker = Buffer.from(byteRangePlaceholderText, "latin1");
  const contentsStart = buffer.indexOf(CONTENTS_PLACEHOLDER, from);
  const byteRangeAt = buffer.indexOf(byteRangeMarker, from);
  if (contentsStart < 0 || byteRangeAt < 0) throw new Error("Signature placeholders not found in the new revision");
  if (buffer.indexOf(CONTENTS_PLACEHOLDER, contentsStart + 1) >= 0 || buffer.indexOf(byteRangeMarker, byteRangeAt + 1) >= 0) {
    throw new Error("Signature placeholders are ambiguous");
  }
  const contentsEnd = contentsStart + CONTENTS_PLACEHOLDER.length;
  const byteRange: PreparedSignature["byteRange"] = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const filled = `[${byteRange.join(" ")}]`.padEnd(byteRangeMarker.length, " ");
  if (filled.length !== byteRangeMarker.length) throw new Error("ByteRange does not fit its placeholder");
  buffer.write(filled, byteRangeAt, "latin1");
  return { bytes, byteRange, contentsHexStart: contentsStart + 1, capacity };
}

/** The exact bytes a signature covers: everything except the /Contents hex string. */
export function signedRangesContent(bytes: Uint8Array, byteRange: readonly number[]): Uint8Array {
  const [start1, length1, start2, length2] = byteRange as [number, number, number, number];
  const content = new Uint8Array(length1 + length2);
  content.set(bytes.subarray(start1, start1 + length1), 0);
  content.set(bytes.subarray(start2, start2 + length2), length1);
  return content;
}

export function writeContents(prepared: PreparedSignature, cms: Uint8Array): Uint8Array {
  if (cms.length > prepared.capacity) {
    throw new Error(`Signature is ${cms.length} bytes; only ${prepared.capacity} are reserved`);
  }
  prepared.bytes.set(Buffer.from(Buffer.from(cms).toString("hex").toUpperCase(), "latin1"), prepared.contentsHexStart);
  return prepared.bytes;
}
