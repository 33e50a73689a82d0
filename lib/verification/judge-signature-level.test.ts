import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createCityCa } from "@/lib/signing/city-ca";
import { signPdf } from "@/lib/signing/sign-pdf";
import { extractSignatureCms, readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { httpTimestamper } from "@/lib/signing/timestamp";
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
});
