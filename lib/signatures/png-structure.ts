import { crc32, inflateSync } from "node:zlib";

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths allowed for each colour type (PNG spec, table 11.1) and the samples per pixel. */
const COLOR_TYPES: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 }, // greyscale
  2: { depths: [8, 16], channels: 3 }, // RGB
  3: { depths: [1, 2, 4, 8], channels: 1 }, // palette
  4: { depths: [8, 16], channels: 2 }, // greyscale + alpha
  6: { depths: [8, 16], channels: 4 }, // RGBA
};
// Adam7: x/y start and step of the seven passes.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * `transparent`: some pixel can be seen through — an alpha sample of 0 (colour types 4 and 6, looked for
 * after undoing the row filters), a palette entry with alpha 0, or a tRNS colour key (greyscale, RGB).
 */
export type PngStructure = { ok: true; width: number; height: number; transparent: boolean } | { ok: false; problem: "damaged" | "badSize" };

/**
 * Reads a PNG the way a decoder would, without drawing it: signature, every chunk's length and CRC, IHDR
 * first with legal values, PLTE where needed, consecutive IDATs, IEND last with nothing after, and the
 * image data inflating to exactly the size IHDR promises with valid row filters. A cut-off upload fails
 * here, before the password is checked, instead of inside the PDF library after it.
 */
export function readPngStructure(bytes: Uint8Array, maxSide: number): PngStructure {
  const damaged = { ok: false, problem: "damaged" } as const;
  if (bytes.length < PNG_MAGIC.length || PNG_MAGIC.some((b, i) => bytes[i] !== b)) return damaged;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: { width: number; height: number; depth: number; colorType: number; interlaced: boolean } | undefined;
  let palette = false;
  let transparency: Uint8Array | undefined;
  let ended = false;
  let idatState: "none" | "open" | "closed" = "none";
  const data: Uint8Array[] = [];
  for (let offset = PNG_MAGIC.length; !ended; ) {
    if (offset + 12 > bytes.length) return damaged;
    const length = view.getUint32(offset);
    if (length > 0x7fffffff || offset + 12 + length > bytes.length) return damaged;
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) return damaged;
    offset += 12 + length;
    if (!header && type !== "IHDR") return damaged;
    if (idatState === "open" && type !== "IDAT") idatState = "closed";
    switch (type) {
      case "IHDR": {
        if (header || length !== 13) return damaged;
        const fields = new DataView(body.buffer, body.byteOffset, 13);
        header = { width: fields.getUint32(0), height: fields.getUint32(4), depth: body[8]!, colorType: body[9]!, interlaced: body[12] === 1 };
        const color = COLOR_TYPES[header.colorType];
        if (!color?.depths.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || body[12]! > 1) return damaged;
        if (header.width === 0 || header.height === 0 || header.width > maxSide || header.height > maxSide) return { ok: false, problem: "badSize" };
        break;
      }
      case "PLTE":
        if (palette || idatState !== "none" || length === 0 || length % 3 !== 0) return damaged;
        palette = true;
        break;
      case "tRNS":
        transparency = body;
        break;
      case "IDAT":
        if (idatState === "closed") return damaged;
        idatState = "open";
        data.push(body);
        break;
      case "IEND":
        if (length !== 0 || offset !== bytes.length) return damaged;
        ended = true;
        break;
      default:
        // An unknown critical chunk (upper-case first letter) means the image cannot be shown correctly.
        if (type.charCodeAt(0) < 0x61) return damaged;
    }
  }
  if (!header || idatState === "none" || (header.colorType === 3 && !palette)) return damaged;
  const image = inflateImageData(Buffer.concat(data), header);
  if (!image) return damaged;
  const hasAlpha = header.colorType === 4 || header.colorType === 6;
  const transparent = hasAlpha ? hasClearPixel(image, header) : header.colorType === 3 ? (transparency?.includes(0) ?? false) : transparency !== undefined;
  return { ok: true, width: header.width, height: header.height, transparent };
}

type Header = { width: number; height: number; depth: number; colorType: number; interlaced: boolean };
type ImageData = { raw: Buffer; rows: { width: number; height: number; stride: number }[] };

/**
 * The zlib stream inflates to exactly one filter byte plus the pixel bytes per row (per Adam7 pass), every
 * filter byte 0–4; null when it does not.
 */
function inflateImageData(compressed: Buffer, h: Header): ImageData | null {
  const bitsPerPixel = h.depth * COLOR_TYPES[h.colorType]!.channels;
  const passes = h.interlaced
    ? ADAM7.map(([x0, y0, dx, dy]) => ({ width: Math.ceil((h.width - x0) / dx), height: Math.ceil((h.height - y0) / dy) }))
    : [{ width: h.width, height: h.height }];
  const rows = passes.filter((p) => p.width > 0 && p.height > 0).map((p) => ({ ...p, stride: 1 + Math.ceil((p.width * bitsPerPixel) / 8) }));
  const expected = rows.reduce((sum, p) => sum + p.stride * p.height, 0);
  let raw: Buffer;
  try {
    raw = inflateSync(compressed, { maxOutputLength: expected + 1 });
  } catch {
    return null; // cut off, corrupt, or inflating to more than the image can hold
  }
  if (raw.length !== expected) return null;
  let offset = 0;
  for (const pass of rows) {
    for (let row = 0; row < pass.height; row++, offset += pass.stride) if (raw[offset]! > 4) return null;
  }
  return { raw, rows };
}

/**
 * Whether an image with an alpha channel (8 or 16 bits) has a fully transparent pixel: rows are unfiltered
 * (PNG spec §9) one at a time until one is found — at once for a signature or seal on a clear background,
 * the whole image only for an opaque one exported with an alpha channel.
 */
function hasClearPixel({ raw, rows }: ImageData, h: Header): boolean {
  const sampleBytes = h.depth / 8;
  const pixelBytes = sampleBytes * COLOR_TYPES[h.colorType]!.channels;
  let offset = 0;
  for (const pass of rows) {
    let previous = new Uint8Array(pass.stride - 1);
    for (let row = 0; row < pass.height; row++, offset += pass.stride) {
      const filter = raw[offset]!;
      const line = Uint8Array.from(raw.subarray(offset + 1, offset + pass.stride));
      for (let i = 0; i < line.length; i++) {
        const left = i >= pixelBytes ? line[i - pixelBytes]! : 0;
        const up = previous[i]!;
        const upLeft = i >= pixelBytes ? previous[i - pixelBytes]! : 0;
        const predicted = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
        line[i] = (line[i]! + predicted) & 0xff;
      }
      for (let alpha = pixelBytes - sampleBytes; alpha < line.length; alpha += pixelBytes) {
        if (line[alpha] === 0 && (sampleBytes === 1 || line[alpha + 1] === 0)) return true;
      }
      previous = line;
    }
  }
  return false;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
