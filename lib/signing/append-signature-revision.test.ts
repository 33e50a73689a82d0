import { beforeAll, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { signPdf, type SignPdfOptions } from "./sign-pdf";
import { readPdfSignatures } from "./read-pdf-signatures";
import { UnsignablePdfError } from "./unsignable-pdf-error";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki, type TestPki } from "./testing/test-pki";
import { countersignOptions, headSignOptions } from "./testing/sign-fixtures";
import { createTrustingNssDb, qpdfCheck, run, runPdfsig, tempDir } from "./testing/external-tools";

/**
 * The incremental writer on PDFs camket did not make itself, judged by pdfsig and qpdf: classic tables,
 * cross-reference streams with object streams, linearized files, Chromium's output; and on files it must
 * refuse with a reason instead of repairing.
 */

let pki: TestPki;
let nssDb: string;
let dir: string;
let sample: Uint8Array;

const file = (name: string) => path.join(dir, name);
const saved = async (name: string, bytes: Uint8Array) => (await writeFile(file(name), bytes), file(name));

async function qpdf(args: string[], output: string): Promise<Uint8Array> {
  const result = await run("qpdf", [...args, file(output)]);
  if (result.code !== 0 && result.code !== 3) throw new Error(result.output);
  return readFile(file(output));
}

/** Head signs page 1, chairperson countersigns the last page: both valid for pdfsig, qpdf clean, the countersignature allowed. */
async function expectSignsAndCountersigns(name: string, pdf: Uint8Array, pages: number) {
  const signed = await signPdf(headSignOptions(pki, pdf));
  const chair = countersignOptions(pki, signed);
  const countersigned = await signPdf({ ...chair, slot: { ...chair.slot, page: pages - 1 } });
  expect(Buffer.compare(countersigned.subarray(0, pdf.length), pdf)).toBe(0);
  await writeFile(file(name), countersigned);

  const check = await qpdfCheck(file(name));
  expect(check.output).toContain("No syntax or stream encoding errors");
  const report = await runPdfsig(file(name), nssDb);
  expect(report.signatures.map((s) => [s.fieldName, s.validation, s.certificateValidation])).toEqual([
    ["NguoiCamKet", "Signature is Valid.", "Certificate is Trusted."],
    ["ChuTichXacNhan", "Signature is Valid.", "Certificate is Trusted."],
  ]);
  const [head, countersignature] = await readPdfSignatures(countersigned);
  expect(head).toMatchObject({ valid: true, changesAfter: { allowed: ["signature"], disallowed: [] } });
  expect(countersignature).toMatchObject({ valid: true, coversWholeFile: true });
}

async function expectRefused(pdf: Uint8Array, reason: UnsignablePdfError["reason"], page = 0) {
  const options: SignPdfOptions = headSignOptions(pki, pdf);
  const refusal = await signPdf({ ...options, slot: { ...options.slot, page } }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(UnsignablePdfError);
  expect((refusal as UnsignablePdfError).reason).toBe(reason);
}

beforeAll(async () => {
  pki = await createTestPki();
  nssDb = await createTrustingNssDb(pki.ca.certPem);
  dir = await tempDir("camket-writer-");
  sample = await createSamplePdf(3);
  await writeFile(file("sample.pdf"), sample);
});

describe("signing PDFs from other producers", { timeout: 30_000 }, () => {
  it("a classic cross-reference table (qpdf without object streams)", async () => {
    await expectSignsAndCountersigns("classic.pdf", await qpdf(["--object-streams=disable", file("sample.pdf")], "classic-in.pdf"), 3);
  });

  it("objects in object streams, listed by a cross-reference stream (qpdf --object-streams=generate)", async () => {
    await expectSignsAndCountersigns("objstm.pdf", await qpdf(["--object-streams=generate", file("sample.pdf")], "objstm-in.pdf"), 3);
  });

  it("a linearized file (qpdf --linearize): the update chains to its first-page section", async () => {
    await expectSignsAndCountersigns("linearized.pdf", await qpdf(["--linearize", file("sample.pdf")], "linearized-in.pdf"), 3);
  });

  it("a hybrid-reference file: the catalog in an object stream that only the /XRefStm stream lists", async () => {
    const hybrid = hybridPdf();
    expect((await qpdfCheck(await saved("hybrid-in.pdf", hybrid))).output).toContain("No syntax or stream encoding errors");
    await expectSignsAndCountersigns("hybrid.pdf", hybrid, 1);
  });

  it("Chromium's --print-to-pdf output", async () => {
    const html = "<p>Bản cam kết</p><div style='page-break-after:always'></div><p>Trang 2</p>";
    const result = await run("chromium", [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", `--print-to-pdf=${file("chromium-in.pdf")}`,
      `data:text/html;charset=utf-8,${encodeURIComponent(html)}`,
    ]);
    expect(result.code).toBe(0);
    await expectSignsAndCountersigns("chromium.pdf", await readFile(file("chromium-in.pdf")), 2);
  });
});

describe("PDFs the writer refuses rather than repairs", () => {
  it("a truncated file", async () => {
    await expectRefused(sample.subarray(0, Math.floor(sample.length / 2)), "damaged");
  });

  it("startxref pointing at the wrong place, and a table row pointing at the wrong object", async () => {
    const text = Buffer.from(sample).toString("latin1");
    const wrongStart = text.replace(/startxref\n(\d+)/, (_, offset: string) => `startxref\n${String(Number(offset) - 7).padStart(offset.length)}`);
    await expectRefused(Buffer.from(wrongStart, "latin1"), "damaged");

    const classic = Buffer.from(await qpdf(["--object-streams=disable", file("sample.pdf")], "classic-broken.pdf")).toString("latin1");
    // Every in-use row shifted by one byte: no object is where the table says.
    const shifted = classic.replace(/^(\d{10}) 00000 n/gm, (_, offset: string) => `${String(Number(offset) + 1).padStart(10, "0")} 00000 n`);
    await expectRefused(Buffer.from(shifted, "latin1"), "damaged");
  });

  it("an encrypted file (qpdf --encrypt, AES-256)", async () => {
    await expectRefused(await qpdf(["--encrypt", "u", "o", "256", "--", file("sample.pdf")], "encrypted.pdf"), "encrypted");
  });

  it("a page that is not there, a page tree past the limit, and a page tree that loops", async () => {
    await expectRefused(sample, "no-such-page", 3);
    const started = performance.now();
    await expectRefused(pdfWithPageTree(Array(25_000).fill("3 0 R"), 25_000), "too-complex", 24_999);
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectRefused(pdfWithPageTree(["2 0 R"], 1), "damaged");
  });
});

/** A minimal classic PDF whose page tree (object 2) has the given kids; object 3 is a page. */
function pdfWithPageTree(kids: string[], count: number): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [ ${kids.join(" ")} ] /Count ${count} >>`,
    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] >>",
  ];
  let body = "%PDF-1.7\n";
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const rows = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * A hybrid-reference file (ISO 32000 7.5.8.4): the classic table marks the catalog (object 1) free, and the
 * cross-reference stream named by the trailer's /XRefStm places it in object stream 4, so a reader that
 * ignores /XRefStm finds no catalog at all.
 */
function hybridPdf(): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.5\n", "latin1")];
  const offsets = new Map<number, number>();
  const length = () => parts.reduce((sum, part) => sum + part.length, 0);
  const object = (number: number, body: string, stream?: Buffer) => {
    offsets.set(number, length());
    parts.push(Buffer.from(`${number} 0 obj\n${body}\n`, "latin1"));
    if (stream) parts.push(Buffer.from("stream\n", "latin1"), stream, Buffer.from("\nendstream\n", "latin1"));
    parts.push(Buffer.from("endobj\n", "latin1"));
  };
  object(2, "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>");
  object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] >>");
  const packed = Buffer.from("1 0 << /Type /Catalog /Pages 2 0 R >>", "latin1");
  object(4, `<< /Type /ObjStm /N 1 /First 4 /Length ${packed.length} >>`, packed);
  const row = Buffer.from([2, 0, 0, 0, 4, 0, 0]); // type 2: in object stream 4, at index 0
  object(5, `<< /Type /XRef /Size 6 /W [ 1 4 2 ] /Index [ 1 1 ] /Length ${row.length} >>`, row);
  const xref = length();
  const rows = [2, 3, 4, 5].map((n) => `${String(offsets.get(n)).padStart(10, "0")} 00000 n \n`).join("");
  parts.push(Buffer.from(`xref\n0 6\n0000000000 65535 f \n0000000000 00000 f \n${rows}trailer\n<< /Size 6 /Root 1 0 R /XRefStm ${offsets.get(5)} >>\nstartxref\n${xref}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}
