import { encodePng } from "@/lib/signatures/png-writer";

/** A blue hand-drawn-looking stroke on a transparent background, as the signing pad would send. */
export function createSignaturePng(width = 300, height = 100): Uint8Array {
  const pixels = Buffer.alloc(width * height * 4); // RGBA all transparent
  const ink = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        pixels.set([0x1a, 0x3a, 0xc8, 0xff], (py * width + px) * 4);
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    ink(20 + t * (width - 40), height / 2 + Math.sin(t * 14) * height * 0.3 * (1 - t * 0.5));
  }
  return encodePng(width, height, pixels);
}
