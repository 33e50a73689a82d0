import { deflateSync, crc32 } from "node:zlib";

/** A blue hand-drawn-looking stroke on a transparent background, as the signing pad would send. */
export function createSignaturePng(width = 300, height = 100): Uint8Array {
  const stride = width * 4 + 1;
  const pixels = Buffer.alloc(stride * height); // filter byte 0 per row; RGBA all transparent
  const ink = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        pixels.set([0x1a, 0x3a, 0xc8, 0xff], py * stride + 1 + px * 4);
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    ink(20 + t * (width - 40), height / 2 + Math.sin(t * 14) * height * 0.3 * (1 - t * 0.5));
  }
  return encodeRgbaPng(width, height, pixels);
}

/** A PNG of `pixels`: RGBA rows of `width * 4 + 1` bytes, each led by filter byte 0. */
export function encodeRgbaPng(width: number, height: number, pixels: Buffer): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

