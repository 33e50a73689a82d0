import { beforeAll, describe, expect, it } from "vitest";
import { deflateSync } from "node:zlib";
import { PdfSignatureReadError, readPdfSignatures } from "./read-pdf-signatures";
import { signPdf } from "./sign-pdf";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki } from "./testing/test-pki";
import { headSignOptions } from "./testing/sign-fixtures";

/**
 * Files built to make a naive PDF reader hang or crash, each ~18 MB (under the 20 MB upload limit). The
 * reader must answer every one — a result or a PdfSignatureReadError — well inside the test's timeout;
 * before the object index these took minutes (a backwards scan per /ByteRange).
 */
const MB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);
const fill = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));
const options = { maxBytes: 20 * MB };

/** A signature dictionary whose /ByteRange excludes exactly its /Contents hex string. */
function withSignature(contentsHex: string, after = ""): Uint8Array {
  const pad = (n: number) => String(n).padStart(10, "0");
  const head = (a: number, b: number, c: number) => `%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [0 ${pad(a)} ${pad(b)} ${pad(c)}] /Contents `;
  const gap = `<${contentsHex}>`;
  const tail = ` >>\nendobj\n${after}%%EOF`;
  const start = head(0, 0, 0).length;
  return encode(head(start, start + gap.length, tail.length) + gap + tail);
}

async function outcome(pdf: Uint8Array) {
  try {
    return { signatures: await readPdfSignatures(pdf, options) };
  } catch (error) {
    if (error instanceof PdfSignatureReadError) return { refused: error.code };
    throw error;
  }
}

describe("readPdfSignatures on hostile files", { timeout: 15_000 }, () => {
  it("a cross-reference table claiming 100 million objects is read as a file without signatures", async () => {
    const pdf = encode(`%PDF-1.7\nxref\n0 100000000\n${fill("0000000000 65535 f \n", 18 * MB)}trailer\n<< /Size 100000000 >>\n%%EOF`);
    expect(await outcome(pdf)).toEqual({ signatures: [] });
  });

  it("arrays nested nine million deep are not recursed into", async () => {
    const pdf = encode(`%PDF-1.7\n2 0 obj\n${"[".repeat(9 * MB)}${"]".repeat(9 * MB)}\nendobj\n%%EOF`);
    expect(await outcome(pdf)).toEqual({ signatures: [] });
  });

  it("a signature whose CMS is 130,000 nested indefinite-length sequences is reported unreadable, not a crash", async () => {
    const result = await outcome(withSignature("3080".repeat(130_000) + "0000".repeat(130_000)));
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures![0]).toMatchObject({ valid: false });
    expect(result.signatures![0]!.problems.join()).toMatch(/unreadable \((?!the excluded range)/);
  });

  it("nearly a million /ByteRange entries stop at the signature limit", async () => {
    expect(await outcome(encode(`%PDF-1.7\n${fill("/ByteRange [0 1 2 3]\n", 18 * MB)}%%EOF`))).toEqual({ refused: "too-many-signatures" });
  });

  it("two million references to the signature field are capped", async () => {
    const result = await outcome(withSignature("3000", fill("/V 1 0 R ", 18 * MB)));
    expect(result.signatures).toHaveLength(1);
  });

  it("a million page objects exceed the page limit", async () => {
    expect(await outcome(encode(`%PDF-1.7\n${fill("<< /Type /Page >>\n", 18 * MB)}%%EOF`))).toEqual({ refused: "too-many-pages" });
  });

  it("stops at the time limit and says so", async () => {
    await expect(readPdfSignatures(await createSamplePdf(), { timeLimitMs: -1 })).resolves.toEqual([]);
    const signed = withSignature("3000");
    await expect(readPdfSignatures(signed, { timeLimitMs: -1 })).rejects.toMatchObject({ code: "too-complex" });
  });
});

/** The updates after a real signature are compared object by object: crafted ones must not stall that either. */
describe("readPdfSignatures on hostile updates after a valid signature", { timeout: 15_000 }, () => {
  let signed: Uint8Array;
  beforeAll(async () => {
    signed = await signPdf(headSignOptions(await createTestPki(), await createSamplePdf()));
  });
  const after = (update: string) => new Uint8Array(Buffer.concat([signed, encode(update)]));
  const changes = async (pdf: Uint8Array) => {
    const result = await outcome(pdf);
    return result.signatures ? result.signatures.map((s) => s.changesAfter.disallowed) : result;
  };

  it("700,000 appended objects exceed the object limit", async () => {
    let objects = "";
    for (let n = 1000; objects.length < 18 * MB; n++) objects += `${n} 0 obj [${n} 0 R] endobj\n`;
    expect(await changes(after(`${objects}%%EOF`))).toEqual({ refused: "too-complex" });
  });

  it("three million empty updates are not compared one by one", async () => {
    expect(await changes(after(fill("%%EOF\n", 18 * MB)))).toEqual([expect.arrayContaining(["unreadable"])]);
  });

  it("an appended object nested nine million arrays deep is unreadable, not recursed into", async () => {
    expect(await changes(after(`\n5 0 obj\n${"[".repeat(9 * MB)}${"]".repeat(9 * MB)}\nendobj\n%%EOF`))).toEqual([["unreadable"]]);
  });

  it("a million xref keywords and /Root names without their tables are looked at a bounded number of times", async () => {
    const result = await changes(after(`${fill("xref /Root ", 9 * MB)}${fill("%%EOF /Root x\n", 9 * MB)}`));
    expect(result).toEqual([expect.arrayContaining(["unreadable"])]);
  });

  it("an appended object stream that inflates to 256 MB is cut off at the budget and reported unreadable", async () => {
    const bomb = deflateSync(Buffer.alloc(256 * MB, 0x20)).toString("latin1");
    const update = `\n900 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n${bomb}\nendstream\nendobj\n%%EOF`;
    const pdf = new Uint8Array(Buffer.concat([signed, Buffer.from(update, "latin1")]));
    expect(await changes(pdf)).toEqual([["unreadable"]]);
  });

  it("cross-reference streams listing 200,000 rows each are read up to a total, then reported unreadable", async () => {
    const rows = deflateSync(Buffer.alloc(200_000 * 3));
    const xref = (n: number) => `${n} 0 obj\n<< /Type /XRef /W [1 1 1] /Size 200000 /Filter /FlateDecode /Length ${rows.length} >>\nstream\n${rows.toString("latin1")}\nendstream\nendobj\n`;
    const update = `\n${Array.from({ length: 20 }, (_, i) => xref(900 + i)).join("")}startxref\n0\n%%EOF`;
    expect(await changes(new Uint8Array(Buffer.concat([signed, Buffer.from(update, "latin1")])))).toEqual([expect.arrayContaining(["unreadable"])]);
  });
});
