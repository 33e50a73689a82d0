import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readPngStructure } from "@/lib/signatures/png-structure";
import { demoSealPng } from "./demo-seal-png";
import { sealImageProblem } from "./seal-image";

/**
 * A 120×120 RGBA PNG whose rows use PNG filter `filter` (1 Sub, 2 Up, 3 Average, 4 Paeth), with varied
 * pixel values so every predictor matters; `clearAt` is the one pixel whose alpha is 0 (or none).
 */
function filteredPng(filter: 1 | 2 | 3 | 4, clearAt: [number, number] | null): Uint8Array {
  const size = 120;
  const bpp = 4;
  const stride = size * bpp;
  const pixels = Uint8Array.from({ length: size * stride }, (_, i) => (i % 4 === 3 ? 200 + ((i >> 2) % 50) : (i * 37) % 251));
  if (clearAt) pixels[(clearAt[1] * size + clearAt[0]) * bpp + 3] = 0;
  const rows = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    rows[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const x = pixels[y * stride + i]!;
      const a = i >= bpp ? pixels[y * stride + i - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= bpp ? pixels[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth;
      rows[y * (stride + 1) + 1 + i] = (x - predicted) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

describe("sealImageProblem: a see-through pixel is found under every PNG row filter", () => {
  for (const filter of [1, 2, 3, 4] as const) {
    it(`filter ${filter}: one clear pixel in the last row is found; none at all is refused`, () => {
      expect(readPngStructure(filteredPng(filter, [117, 119]), 2000)).toEqual({ ok: true, width: 120, height: 120, transparent: true });
      expect(sealImageProblem(filteredPng(filter, [117, 119]))).toBeNull();
      expect(sealImageProblem(filteredPng(filter, null))).toBe("notTransparent");
    });
  }

  it("accepts the demo seal", () => {
    expect(sealImageProblem(demoSealPng("ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG"))).toBeNull();
  });
});
