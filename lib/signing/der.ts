/**
 * Just enough DER to assemble a CMS SignedData from pre-encoded parts (certificates, names) without
 * an object model: the hot signing path stays a few byte concatenations.
 */

export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  const header = [tag, ...encodeLength(length)];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let offset = header.length;
  for (const part of contents) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Byte-for-byte equality of two encodings. */
export const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

export const sequence = (...contents: Uint8Array[]) => tlv(0x30, ...contents);
export const set = (...contents: Uint8Array[]) => tlv(0x31, ...contents);
export const octetString = (bytes: Uint8Array) => tlv(0x04, bytes);
export const contextConstructed = (tagNumber: number, ...contents: Uint8Array[]) => tlv(0xa0 | tagNumber, ...contents);

export function smallInteger(value: number): Uint8Array {
  return tlv(0x02, Uint8Array.of(value));
}

/** A positive INTEGER from unsigned big-endian bytes (minimal encoding). */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return trimmed[0]! & 0x80 ? tlv(0x02, Uint8Array.of(0), trimmed) : tlv(0x02, trimmed);
}

/** GeneralizedTime in whole seconds, UTC ("YYYYMMDDHHMMSSZ"), as DER wants it. */
export function generalizedTime(date: Date): Uint8Array {
  const text = date.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:T]/g, "");
  return tlv(0x18, Buffer.from(text, "latin1"));
}

/** A BIT STRING of whole bytes (no unused bits), as signatures and keys are. */
export const bitString = (bytes: Uint8Array) => tlv(0x03, Uint8Array.of(0), bytes);

export function objectIdentifier(oid: string): Uint8Array {
  const [first, second, ...rest] = oid.split(".").map(Number) as [number, number, ...number[]];
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const chunk = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** DER SET OF: members sorted by their encodings. */
export function setOf(members: Uint8Array[]): Uint8Array {
  return set(...[...members].sort((a, b) => Buffer.compare(a, b)));
}

export interface Element {
  tag: number;
  /** The whole element, header included. */
  raw: Uint8Array;
  /** The contents, header excluded. */
  value: Uint8Array;
}

/** Reads the element at `offset`; throws on truncation or indefinite lengths. */
export function readElement(bytes: Uint8Array, offset = 0): Element {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error("DER: truncated");
  let length = lengthByte;
  let headerLength = 2;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new Error("DER: unsupported length");
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[offset + 2 + i];
      if (lengthByte === undefined) throw new Error("DER: truncated");
      length = length * 256 + lengthByte;
    }
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > bytes.length) throw new Error("DER: truncated");
  return { tag, raw: bytes.subarray(offset, end), value: bytes.subarray(offset + headerLength, end) };
}

/** The children of a constructed element. */
export function children(element: Element): Element[] {
  const result: Element[] = [];
  for (let offset = 0; offset < element.value.length; ) {
    const child = readElement(element.value, offset);
    result.push(child);
    offset += child.raw.length;
  }
  return result;
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let value = length; value > 0; value = Math.floor(value / 256)) bytes.unshift(value & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
