import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pkijs from "pkijs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { signPdf } from "./sign-pdf";
import { extractSignatureCms, readPdfSignatures } from "./read-pdf-signatures";
import { OID } from "./oids";
import { httpTimestamper, requestTimestampToken, TimestampError } from "./timestamp";
import { startTestTsa, type TestTsa } from "./test-tsa";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki, type TestPki } from "./testing/test-pki";
import { headSignOptions } from "./testing/sign-fixtures";
import { createTrustingNssDb, run, runPdfsig, tempDir } from "./testing/external-tools";

let pki: TestPki;
let tsa: TestTsa;
let signed: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  tsa = await startTestTsa(pki.ca);
  signed = await signPdf({ ...headSignOptions(pki, await createSamplePdf()), timestamper: httpTimestamper(tsa.url) });
});
afterAll(() => tsa?.close());

/** The id-aa-signatureTimeStampToken and the signature value it should stamp. */
function timestampOf(cms: Uint8Array) {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(cms)).content });
  const signerInfo = signedData.signerInfos[0]!;
  const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
  return {
    token: attribute ? new Uint8Array(attribute.values[0]!.toBER()) : undefined,
    signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
  };
}

describe("RFC 3161 signature time-stamp (PAdES B-T)", () => {
  it("embeds a token that openssl ts -verify accepts for the signature value", async () => {
    const [info] = await readPdfSignatures(signed);
    const { token, signatureValue } = timestampOf(extractSignatureCms(signed, info!.byteRange));
    expect(token).toBeDefined();
    const dir = await tempDir();
    await writeFile(path.join(dir, "token.der"), token!);
    await writeFile(path.join(dir, "signature-value.bin"), signatureValue);
    await writeFile(path.join(dir, "ca.pem"), pki.ca.certPem);
    const result = await run("openssl", [
      "ts", "-verify", "-token_in", "-in", path.join(dir, "token.der"),
      "-data", path.join(dir, "signature-value.bin"), "-CAfile", path.join(dir, "ca.pem"),
    ]);
    expect(result.output).toContain("Verification: OK");

    await writeFile(path.join(dir, "other.bin"), signatureValue.slice(1));
    const wrong = await run("openssl", [
      "ts", "-verify", "-token_in", "-in", path.join(dir, "token.der"),
      "-data", path.join(dir, "other.bin"), "-CAfile", path.join(dir, "ca.pem"),
    ]);
    expect(wrong.output).not.toContain("Verification: OK");
  });

  it("keeps the signature valid for pdfsig and readable with its time-stamp time", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "signed-tsa.pdf"), signed);
    const report = await runPdfsig(path.join(dir, "signed-tsa.pdf"), await createTrustingNssDb(pki.ca.certPem));
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ validation: "Signature is Valid.", certificateValidation: "Certificate is Trusted." });

    const [info] = await readPdfSignatures(signed, { caCertDer: pki.ca.certDer });
    expect(info).toMatchObject({ valid: true, issuedByCa: true });
    expect(Math.abs(info!.timestampTime!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("fails with a TimestampError when the TSA is unreachable", async () => {
    await expect(requestTimestampToken("http://127.0.0.1:9/", new Uint8Array(32))).rejects.toBeInstanceOf(TimestampError);
  });
});
