import { beforeAll, describe, expect, it } from "vitest";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { signPdf } from "./sign-pdf";
import { extractSignatureCms, readPdfSignatures } from "./read-pdf-signatures";
import { signedRangesContent } from "./pdf-signature-placeholder";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki, type TestPki } from "./testing/test-pki";
import { countersignOptions, headSignOptions } from "./testing/sign-fixtures";
import { createTrustingNssDb, opensslCmsVerify, qpdfCheck, run, runPdfsig, tempDir } from "./testing/external-tools";

let pki: TestPki;
let nssDb: string;
let dir: string;
let original: Uint8Array;
let signed: Uint8Array;
let countersigned: Uint8Array;

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

beforeAll(async () => {
  pki = await createTestPki();
  nssDb = await createTrustingNssDb(pki.ca.certPem);
  dir = await tempDir();
  original = await createSamplePdf(2);
  signed = await signPdf(headSignOptions(pki, original));
  countersigned = await signPdf(countersignOptions(pki, signed));
});

describe("signPdf", () => {
  it("appends a revision and leaves every earlier byte untouched", () => {
    expect(Buffer.compare(signed.subarray(0, original.length), original)).toBe(0);
    expect(Buffer.compare(countersigned.subarray(0, signed.length), signed)).toBe(0);
  });

  it("signs: pdfsig sees one valid signature by Nguyễn Văn Đức with a certificate trusted via the city CA", async () => {
    const report = await runPdfsig(await save("signed.pdf", signed), nssDb);
    expect(report.signatures).toHaveLength(1);
    const [signature] = report.signatures;
    expect(signature).toMatchObject({
      fieldName: "NguoiCamKet",
      commonName: "Nguyễn Văn Đức",
      totalDocumentSigned: true,
      validation: "Signature is Valid.",
      certificateValidation: "Certificate is Trusted.",
    });
    expect(signature!.block).toContain("Signature Type: ETSI.CAdES.detached");
  });

  it("countersigns: both signatures stay valid and trusted; only the last covers the whole file", async () => {
    const report = await runPdfsig(await save("countersigned.pdf", countersigned), nssDb);
    expect(report.signatures).toHaveLength(2);
    const [first, second] = report.signatures;
    expect(first).toMatchObject({
      commonName: "Nguyễn Văn Đức",
      totalDocumentSigned: false,
      validation: "Signature is Valid.",
      certificateValidation: "Certificate is Trusted.",
    });
    expect(first!.block).toContain("Not total document signed");
    expect(second).toMatchObject({
      fieldName: "ChuTichXacNhan",
      commonName: "Trần Thị Hồng Nhung",
      totalDocumentSigned: true,
      validation: "Signature is Valid.",
      certificateValidation: "Certificate is Trusted.",
    });
  });

  it("one flipped byte inside a signed range invalidates the signature", async () => {
    const tampered = new Uint8Array(signed);
    const streamAt = Buffer.from(tampered).indexOf("stream\n") + 20; // inside the first page's content stream
    tampered[streamAt]! ^= 0x01;
    const report = await runPdfsig(await save("tampered.pdf", tampered), nssDb);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]!.validation).not.toBe("Signature is Valid.");
    expect(report.signatures[0]!.validation).toMatch(/Digest Mismatch/);
  });

  it("reserves /Contents from the signer's chain (the CMS fills most of it); the countersignature reuses the stamp font", async () => {
    for (const after of [signed, countersigned]) {
      const { byteRange } = (await readPdfSignatures(after)).at(-1)!;
      const reservedBytes = (byteRange[2]! - byteRange[1]! - 2) / 2; // the hex digits between < and >
      const cms = extractSignatureCms(after, byteRange);
      expect(cms.byteLength).toBeLessThanOrEqual(reservedBytes);
      expect(reservedBytes - cms.byteLength).toBeLessThanOrEqual(2_048);
    }
    // The first carries the two ~20 KB Vietnamese stamp fonts (regular for "Ký số: …", bold for the name), the
    // second points at them.
    expect(signed.length - original.length).toBeLessThan(55_000);
    expect(countersigned.length - signed.length).toBeLessThan(15_000);
    for (const face of ["Regular", "Bold"]) {
      expect(Buffer.from(countersigned).toString("latin1").match(new RegExp(`/BaseFont /[A-Z]{6}\\+Tinos-${face}\\b`, "g"))).toHaveLength(2); // Type0 + CIDFont, once
    }
  });

  it("produces files qpdf finds clean", async () => {
    for (const [name, bytes] of [["signed.pdf", signed], ["countersigned.pdf", countersigned]] as const) {
      const result = await qpdfCheck(await save(name, bytes));
      expect(result.output).toContain("No syntax or stream encoding errors found");
      expect(result.code).toBe(0);
    }
  });

  it("embeds CMS that openssl verifies against the signed ranges and the city CA", async () => {
    const signatures = await readPdfSignatures(countersigned);
    expect(signatures).toHaveLength(2);
    for (const { byteRange } of signatures) {
      const result = await opensslCmsVerify(
        extractSignatureCms(countersigned, byteRange),
        signedRangesContent(countersigned, byteRange),
        pki.ca.certPem,
      );
      expect(result.output).toContain("Verification successful");
    }
    const wrongContent = signedRangesContent(countersigned, signatures[0]!.byteRange).slice(1);
    const rejected = await opensslCmsVerify(extractSignatureCms(countersigned, signatures[0]!.byteRange), wrongContent, pki.ca.certPem);
    expect(rejected.code).not.toBe(0);
  });

  it("refuses a second field with the same name", async () => {
    await expect(signPdf(headSignOptions(pki, signed))).rejects.toThrow(/already has a field named NguoiCamKet/);
  });

  it("renders the stamps (artifacts/countersigned-1.png, for a human look)", async () => {
    await mkdir("artifacts", { recursive: true });
    await writeFile("artifacts/countersigned.pdf", countersigned);
    const result = await run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "artifacts/countersigned.pdf", "artifacts/countersigned"]);
    expect(result.code).toBe(0);
  });
});
