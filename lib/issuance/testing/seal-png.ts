import { encodeRgbaPng } from "@/lib/signing/testing/signature-png";

/** A red seal on a transparent background: an outer ring, an inner ring and a star-ish centre dot, `size` px square. */
export function createSealPng(size = 200): Uint8Array {
  const stride = size * 4 + 1;
  const pixels = Buffer.alloc(stride * size);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - centre, y - centre) / (size / 2);
      const ink = (r > 0.9 && r <= 0.98) || (r > 0.62 && r <= 0.66) || r <= 0.12;
      if (ink) pixels.set([0xd4, 0x1f, 0x26, 0xe6], y * stride + 1 + x * 4);
    }
  }
  return encodeRgbaPng(size, size, pixels);
}
