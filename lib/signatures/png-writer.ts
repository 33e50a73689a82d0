import { crc32, deflateSync } from "node:zlib";
import { PNG_MAGIC } from "./png-structure";

/**
 * An 8-bit PNG from raw pixels, row by row: RGBA (4 bytes a pixel) or RGB without alpha (3). The demo
 * seals and the test signatures are drawn in code, so one small encoder serves both (and the tests' opaque images).
 */
export function encodePng(width: number, height: number, pixels: Uint8Array, channels: 3 | 4 = 4): Uint8Array {
  const stride = width * channels;
  const rows = Buffer.alloc((stride + 1) * height); // filter byte 0 (none) before each row
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8); // 8-bit RGBA or RGB, no interlace
  return Buffer.concat([Buffer.from(PNG_MAGIC), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
