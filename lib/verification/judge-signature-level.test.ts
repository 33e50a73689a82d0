import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { PDFHexString, PDFName, PDFNumber } from "@cantoo/pdf-lib";
import { createCityCa } from "@/lib/signing/city-ca";
import { appendUpdate } from "@/lib/signing/testing/append-update";
import { signedRangesContent } from "@/lib/signing/pdf-signature-placeholder";
import { signPdf } from "@/lib/signing/sign-pdf";
import { extractSignatureCms, readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { httpTimestamper, requestTimestampToken } from "@/lib/signing/timestamp";
import { startTestTsa, type TestTsa } from "@/lib/signing/test-tsa";
import { createSamplePdf } from "@/lib/signing/testing/sample-pdf";
import { createTestPki, type TestPki } from "@/lib/signing/testing/test-pki";
import { headSignOptions } from "@/lib/signing/testing/sign-fixtures";
import { run, tempDir } from "@/lib/signing/testing/external-tools";
import { messagesFor } from "@/lib/i18n/messages-for";
import { judgeSignatureLevel } from "./judge-signature-level";

let pki: TestPki;
let tsa: TestTsa;
let foreignTsa: TestTsa;
let bB: Uint8Array;
let bT: Uint8Array;
let foreignStamped: Uint8Array;
const vi = messagesFor("vi");

beforeAll(async () => {
  pki = await createTestPki();
  // Both TSAs answer properly; only the first has its certificate from the CA the verifier trusts.
  tsa = await startTestTsa(pki.ca);
  foreignTsa = await startTestTsa(await createCityCa({ commonName: "CA lạ" }));
  const original = await createSamplePdf(1);
  bB = await signPdf(headSignOptions(pki, original));
  bT = await signPdf({ ...headSignOptions(pki, original), timestamper: httpTimestamper(tsa.url) });
  foreignStamped = await signPdf({ ...headSignOptions(pki, original), timestamper: httpTimestamper(foreignTsa.url) });
});

afterAll(async () => {
  await Promise.all([tsa?.close(), foreignTsa?.close()]);
});

// A bare document timestamp (ETSI.RFC3161) until lib/long-term's appendDocumentTimestamp is on main: a /Sig
// dictionary with a placeholder, its /ByteRange patched in place (same width), the token over those ranges.
async function withDocumentTimestamp(pdf: Uint8Array, tsaUrl: string): Promise<Uint8Array> {
  const placeholder = "0".repeat(2 * 16_384);
  const marker = [1111111111, 2222222222, 3333333333];
  const marked = await appendUpdate(pdf, (doc) => {
    doc.context.register(
      doc.context.obj({
        Type: "DocTimeStamp",
        Filter: "Adobe.PPKLite",
        SubFilter: PDFName.of("ETSI.RFC3161"),
        ByteRange: [0, ...marker].map((n) => PDFNumber.of(n)),
        Contents: PDFHexString.of(placeholder),
      }),
    );
  });
  let text = Buffer.from(marked).toString("latin1");
  const hexAt = text.lastIndexOf(`<${placeholder}>`);
  const start2 = hexAt + placeholder.length + 2;
  const byteRange = [0, hexAt, start2, marked.length - start2];
  text = text.replace(marker.join(" "), byteRange.slice(1).map((n) => String(n).padEnd(10, " ")).join(" "));
  const withRange = new Uint8Array(Buffer.from(text, "latin1"));
  const digest = createHash("sha256").update(signedRangesContent(withRange, byteRange)).digest();
  const token = Buffer.from(await requestTimestampToken(tsaUrl, new Uint8Array(digest))).toString("hex");
  return new Uint8Array(Buffer.from(text.replace(`<${placeholder}>`, `<${token.padEnd(placeholder.length, "0")}>`), "latin1"));
}

async function judge(pdf: Uint8Array, now: Date) {
  const infos = await readPdfSignatures(pdf, { caCertDer: pki.ca.certDer });
  return { info: infos[0]!, ...judgeSignatureLevel(vi, infos[0]!, infos, now) };
}

describe("PAdES level of a signature", () => {
  it("without a TSA: B-B, no proof of existence, the missing timestamp named", async () => {
    const { level, proofOfExistence, shortfalls, problems } = await judge(bB, new Date());
    expect({ level, proofOfExistence, problems }).toEqual({ level: "B-B", proofOfExistence: null, problems: [] });
    expect(shortfalls).toEqual(["không có dấu thời gian chữ ký hợp lệ (cần cho B-T)"]);
  });

  it("with the trusted TSA: B-T, the token's time is the proof of existence; openssl finds the timestamp token in its CMS", async () => {
    const { level, proofOfExistence, info } = await judge(bT, new Date());
    expect(level).toBe("B-T");
    expect(info.timestampTrusted).toBe(true);
    expect(proofOfExistence?.getTime()).toBe(info.timestampTime?.getTime());
    // Independently: openssl sees id-smime-aa-timeStampToken in the B-T CMS only.
    const dir = await tempDir();
    const asn1 = async (name: string, pdf: Uint8Array) => {
      const file = path.join(dir, name);
      await writeFile(file, extractSignatureCms(pdf, (await readPdfSignatures(pdf))[0]!.byteRange));
      return (await run("openssl", ["asn1parse", "-inform", "DER", "-in", file])).output;
    };
    expect(await asn1("b-t.der", bT)).toMatch(/id-smime-aa-timeStampToken/);
    expect(await asn1("b-b.der", bB)).not.toMatch(/id-smime-aa-timeStampToken/);
  });

  it("a timestamp from a TSA the CA did not certify is no proof: B-B with the reason", async () => {
    const { level, proofOfExistence, shortfalls, info } = await judge(foreignStamped, new Date());
    expect(info.timestampTime).toBeInstanceOf(Date);
    expect(info.timestampTrusted).toBe(false);
    expect({ level, proofOfExistence }).toEqual({ level: "B-B", proofOfExistence: null });
    expect(shortfalls[0]).toMatch(/không do máy chủ dấu thời gian được tin cậy cấp/);
  });

  it("the clock moved past the signer certificate's expiry: the timestamped file still validates, the B-B one does not", async () => {
    const { info } = await judge(bB, new Date());
    const afterExpiry = new Date(info.signer!.notAfter.getTime() + 24 * 3600 * 1000);
    const stamped = await judge(bT, afterExpiry);
    const unstamped = await judge(bB, afterExpiry);
    const foreign = await judge(foreignStamped, afterExpiry);
    // The test TSA's certificate lives as long as the CA (10 years); the signer's (2 years) ends first.
    expect(stamped.info.timestampCertificate!.notAfter > afterExpiry).toBe(true);
    expect(stamped.problems).toEqual([]);
    expect(stamped.level).toBe("B-T");
    expect(unstamped.level).toBeNull();
    expect(unstamped.problems).toEqual([expect.stringMatching(/^Chứng thư hết hạn lúc .*, không có bằng chứng thời gian/)]);
    expect(foreign.level).toBeNull();
  });

  it("a document timestamp is read as such and proves the signatures before it: a B-B file so stamped survives the signer's expiry", async () => {
    const stamped = await withDocumentTimestamp(bB, tsa.url);
    const infos = await readPdfSignatures(stamped, { caCertDer: pki.ca.certDer });
    expect(infos.map((i) => [i.kind, i.valid, i.timestampTrusted])).toEqual([
      ["signature", true, undefined],
      ["document-timestamp", true, true],
    ]);
    const afterExpiry = new Date(infos[0]!.signer!.notAfter.getTime() + 24 * 3600 * 1000);
    const signature = judgeSignatureLevel(vi, infos[0]!, infos, afterExpiry);
    expect(signature).toMatchObject({ level: "B-B", problems: [] });
    expect(signature.proofOfExistence?.getTime()).toBe(infos[1]!.timestampTime?.getTime());
    expect(judgeSignatureLevel(vi, infos[1]!, infos, afterExpiry)).toMatchObject({ level: null, problems: [] });

    // From a TSA the CA did not certify, the same stamp proves nothing; one changed byte in the stamped range breaks it.
    const foreign = await readPdfSignatures(await withDocumentTimestamp(bB, foreignTsa.url), { caCertDer: pki.ca.certDer });
    expect(judgeSignatureLevel(vi, foreign[0]!, foreign, afterExpiry).level).toBeNull();
    const tampered = new Uint8Array(stamped);
    tampered[bB.length + 5] ^= 0x01;
    const broken = await readPdfSignatures(tampered, { caCertDer: pki.ca.certDer });
    expect(broken[1]).toMatchObject({ kind: "document-timestamp", valid: false });
  });
});
