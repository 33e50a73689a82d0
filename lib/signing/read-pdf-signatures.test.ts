import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { signPdf } from "./sign-pdf";
import { PdfSignatureReadError, readPdfSignatures } from "./read-pdf-signatures";
import { createCityCa } from "./city-ca";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki, type TestPki } from "./testing/test-pki";
import { countersignOptions, headSignOptions, SIGNING_TIME } from "./testing/sign-fixtures";

let pki: TestPki;
let original: Uint8Array;
let countersigned: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  original = await createSamplePdf();
  countersigned = await signPdf(countersignOptions(pki, await signPdf(headSignOptions(pki, original))));
});

describe("readPdfSignatures", () => {
  it("reports both signatures of a countersigned PDF as valid, with signer details", async () => {
    const [head, chair] = await readPdfSignatures(countersigned, { caCertDer: pki.ca.certDer });
    expect(head).toMatchObject({
      fieldName: "NguoiCamKet",
      coversWholeFile: false,
      digestMatches: true,
      signatureVerified: true,
      valid: true,
      issuedByCa: true,
      subFilter: "ETSI.CAdES.detached",
      name: "Nguyễn Văn Đức",
      location: "Phan Thiết, Bình Thuận, Việt Nam",
      problems: [],
    });
    expect(head!.signingTime).toEqual(SIGNING_TIME);
    expect(head!.signer).toMatchObject({
      commonName: "Nguyễn Văn Đức",
      serialHex: pki.head.certificate.serialHex,
      sha256Fingerprint: pki.head.certificate.sha256Fingerprint,
      issuer: "C=VN, ST=Bình Thuận, L=Phan Thiết, O=UBND thành phố Phan Thiết, CN=UBND thành phố Phan Thiết",
    });
    expect(chair).toMatchObject({ fieldName: "ChuTichXacNhan", coversWholeFile: true, valid: true, issuedByCa: true });
    expect(chair!.signer!.commonName).toBe("Trần Thị Hồng Nhung");
  });

  it("flags a changed byte as a digest mismatch", async () => {
    const tampered = new Uint8Array(countersigned);
    tampered[Buffer.from(tampered).indexOf("stream\n") + 20]! ^= 0x01;
    const results = await readPdfSignatures(tampered);
    expect(results.map((r) => r.valid)).toEqual([false, false]);
    expect(results[0]!.digestMatches).toBe(false);
    expect(results[0]!.problems.join()).toMatch(/digest mismatch/);
  });

  it("flags a certificate from another CA", async () => {
    const otherCa = await createCityCa({ commonName: "UBND thành phố Phan Thiết" });
    const [head] = await readPdfSignatures(countersigned, { caCertDer: otherCa.certDer });
    expect(head).toMatchObject({ valid: true, issuedByCa: false });
  });

  it("returns nothing for an unsigned PDF", async () => {
    expect(await readPdfSignatures(original)).toEqual([]);
  });

  it("turns garbage into typed errors or reported problems, never a crash", async () => {
    await expect(readPdfSignatures(new Uint8Array(randomBytes(4096)))).rejects.toBeInstanceOf(PdfSignatureReadError);
    await expect(readPdfSignatures(new Uint8Array(10), { maxBytes: 5 })).rejects.toMatchObject({ code: "too-large" });

    const fake = new TextEncoder().encode(
      `%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 20 60 9999] /Contents <3082FFFF> >> endobj\n` +
        `2 0 obj << /ByteRange [0 12 30 5] /Contents <30820000deadbeef> >> endobj\n%%EOF`,
    );
    const results = await readPdfSignatures(fake);
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    }

    // A real signature whose CMS bytes were scrambled.
    const scrambled = new Uint8Array(countersigned);
    const [, chair] = await readPdfSignatures(countersigned);
    scrambled.set(randomBytes(64), chair!.byteRange[1]! + 1 + 100);
    const [, broken] = await readPdfSignatures(scrambled);
    expect(broken!.valid).toBe(false);
  });
});
