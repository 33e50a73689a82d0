import { createHash } from "node:crypto";
import { encodePng } from "@/lib/signatures/png-writer";

const SIZE = 400;
const RED = [0xd4, 0x14, 0x1c] as const;

/**
 * A stand-in seal for the demo city: a red double ring with a star, on a transparent background, as
 * an admin would upload (a real seal is scanned; this one is drawn so the seed needs no image files).
 * Between the rings, where a real seal has the body's name, a ring of dots chosen by the name's hash
 * makes each body's seal — and its SHA-256 — its own.
 */
export function demoSealPng(bodyName: string): Uint8Array {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const bits = createHash("sha256").update(bodyName).digest();
  const c = SIZE / 2;
  const star = starPolygon(c, c, 70, 28);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x + 0.5 - c;
      const dy = y + 0.5 - c;
      const r = Math.hypot(dx, dy);
      const onRing = (r >= 186 && r <= 197) || (r >= 140 && r <= 145);
      let ink = onRing || (r < 72 && insidePolygon(x + 0.5, y + 0.5, star));
      if (!ink && r > 152 && r < 180) {
        const slot = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 64) % 64;
        const slotAngle = ((slot + 0.5) / 64) * 2 * Math.PI - Math.PI;
        const near = Math.hypot(dx - 166 * Math.cos(slotAngle), dy - 166 * Math.sin(slotAngle)) < 6;
        ink = near && (bits[slot >> 3]! & (1 << (slot & 7))) !== 0;
      }
      if (ink) pixels.set([...RED, 0xff], (y * SIZE + x) * 4);
    }
  }
  return encodePng(SIZE, SIZE, pixels);
}

function starPolygon(cx: number, cy: number, outer: number, inner: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

function insidePolygon(x: number, y: number, polygon: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
