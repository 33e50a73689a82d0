import { createHash } from "node:crypto";

const latin1 = new TextDecoder("latin1");

/**
 * The VRI key of the signature whose /ByteRange is `byteRange`: uppercase hex SHA-1 of the bytes of its
 * /Contents string as stored, padding included (ISO 32000-2 §12.8.4.4).
 */
export function vriKeyOf(pdf: Uint8Array, byteRange: readonly number[]): string {
  const [, length1 = 0, start2 = 0] = byteRange;
  const hex = latin1.decode(pdf.subarray(length1 + 1, start2 - 1)).replace(/\s/g, "");
  return createHash("sha1").update(Buffer.from(hex, "hex")).digest("hex").toUpperCase();
}

/**
 * The byte range of the signature the last revision added. camket's writer puts the signature dictionary
 * after every stream of its revision and writes /Contents as hex, so the file's last "/ByteRange [" is it.
 */
export function lastByteRange(pdf: Uint8Array): number[] {
  const at = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).lastIndexOf("/ByteRange [");
  const match = at >= 0 ? /^\/ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(latin1.decode(pdf.subarray(at, at + 80))) : null;
  if (!match) throw new Error("the last revision holds no signature");
  return match.slice(1).map(Number);
}
