import { execFileSync } from "node:child_process";

// Where poppler finds things on a page: its own reading of the PDF, never our layout code's numbers.

/** One text line as `pdftotext -bbox-layout` groups it: words joined by spaces, box in points from the top-left. */
export type PageLine = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The lines of one page (1-based), top to bottom then left to right. */
export function pageLines(file: string, page: number): PageLine[] {
  const html = execFileSync("pdftotext", ["-enc", "UTF-8", "-bbox-layout", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
  const lines: PageLine[] = [];
  for (const match of html.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
    const words = [...match[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]));
    lines.push({ text: words.join(" "), xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
}

/** A horizontal dark run at least `minLength` points long: from x0 to x1 at y, points from the top-left. */
export type RuleRun = { x0: number; x1: number; y: number };

/**
 * Horizontal rules of one page (1-based) as pdftoppm rasterises them at 144 dpi in grey: runs of dark pixels
 * at least `minLength` points long. Glyphs never make runs that long; rules and underlines do.
 */
export function ruleRuns(file: string, page: number, minLength = 24): RuleRun[] {
  const scale = 2; // 144 dpi / 72 pt
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", String(72 * scale), "-f", String(page), "-l", String(page), "-singlefile", file], { maxBuffer: 64 << 20 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const runs: RuleRun[] = [];
  for (let row = 0; row < height; row++) {
    let start = -1;
    for (let col = 0; col <= width; col++) {
      const dark = col < width && pixels[row * width + col] < 160;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        if (col - start >= minLength * scale) runs.push({ x0: start / scale, x1: col / scale, y: row / scale });
        start = -1;
      }
    }
  }
  // A 0.6 pt rule covers one or two pixel rows: keep one run per rule.
  return runs.filter((r, i) => !runs.slice(0, i).some((o) => Math.abs(o.y - r.y) <= 1 && Math.abs(o.x0 - r.x0) <= 1));
}

/** Text poppler finds inside a rectangle of one page (PDF points, origin bottom-left; `page` 0-based), whitespace collapsed. */
export function textInRect(file: string, r: { page: number; x: number; y: number; width: number; height: number }, pageHeight = 841.89) {
  const args = ["-enc", "UTF-8", "-f", String(r.page + 1), "-l", String(r.page + 1), "-x", String(Math.floor(r.x)), "-y"];
  args.push(String(Math.floor(pageHeight - r.y - r.height)), "-W", String(Math.ceil(r.width)), "-H", String(Math.ceil(r.height)), file, "-");
  return execFileSync("pdftotext", args, { encoding: "utf8" }).replace(/\s+/g, " ").trim();
}
