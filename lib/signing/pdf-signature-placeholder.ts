/**
 * The byte-level half of PDF signing: a signature dictionary is written with a fixed-width /ByteRange
 * and a zero-filled /Contents, then both are patched in place so no offset moves.
 */

/** Bytes reserved for the CMS: room for two certificates plus an RFC 3161 token with its own chain. */
export const SIGNATURE_CAPACITY_BYTES = 16_384;
// Ten digits fit any offset up to ~9.3 GB; the real values are written space-padded to the same width.
export const BYTE_RANGE_PLACEHOLDER = 9_999_999_999;

export interface PreparedSignature {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside /Contents <...>. */
  contentsHexStart: number;
}

const CONTENTS_PLACEHOLDER = Buffer.from(`<${"0".repeat(SIGNATURE_CAPACITY_BYTES * 2)}>`, "latin1");

/** Locates the placeholders at or after `from` (the start of the new revision) and fills /ByteRange. */
export function fillByteRange(bytes: Uint8Array, from: number, byteRangePlaceholderText: string): PreparedSignature {
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
  return { bytes, byteRange, contentsHexStart: contentsStart + 1 };
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
  if (cms.length > SIGNATURE_CAPACITY_BYTES) {
    throw new Error(`Signature is ${cms.length} bytes; only ${SIGNATURE_CAPACITY_BYTES} are reserved`);
  }
  prepared.bytes.set(Buffer.from(Buffer.from(cms).toString("hex").toUpperCase(), "latin1"), prepared.contentsHexStart);
  return prepared.bytes;
}
