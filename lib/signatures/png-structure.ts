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

/** `transparent`: the image can hold see-through pixels — an alpha channel (colour types 4 and 6) or a tRNS chunk. */
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
  let transparency = false;
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
        transparency = true;
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
  const transparent = transparency || header.colorType === 4 || header.colorType === 6;
  return imageDataIsComplete(Buffer.concat(data), header) ? { ok: true, width: header.width, height: header.height, transparent } : damaged;
}

/** The zlib stream inflates to exactly one filter byte plus the pixel bytes per row (per Adam7 pass), every filter byte 0–4. */
function imageDataIsComplete(compressed: Buffer, h: { width: number; height: number; depth: number; colorType: number; interlaced: boolean }): boolean {
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
    return false; // cut off, corrupt, or inflating to more than the image can hold
  }
  if (raw.length !== expected) return false;
  let offset = 0;
  for (const pass of rows) {
    for (let row = 0; row < pass.height; row++, offset += pass.stride) if (raw[offset]! > 4) return false;
  }
  return true;
}
