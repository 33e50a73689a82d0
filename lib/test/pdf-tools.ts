import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Independent checks with Debian's poppler-utils and qpdf: never only our own code.

export function writeTemp(bytes: Uint8Array, name = "doc.pdf"): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "camket-")), name);
  writeFileSync(file, bytes);
  return file;
}

const run = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number };
    return `${e.stdout ?? ""}${e.stderr ?? ""}\n[exit ${e.status}]`;
  }
};

/** Text of the PDF with whitespace collapsed (pdftotext breaks lines where the layout does). */
export const pdfText = (file: string) => run("pdftotext", ["-enc", "UTF-8", file, "-"]).replace(/\s+/g, " ");
export const pdfFonts = (file: string) => run("pdffonts", [file]);
export const pdfInfo = (file: string) => run("pdfinfo", [file]);
export const pdfPageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))?.[1]);
