import { beforeAll, describe, expect, it } from "vitest";
import { createPrivateKey, sign } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareSignature } from "./sign-pdf";
import { writeContents } from "./pdf-signature-placeholder";
import { assembleSignedData, signedAttributesDer } from "./cms-signed-data";
import { checkExternalSignature } from "./check-external-signature";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki, type TestPki } from "./testing/test-pki";
import { headSignOptions } from "./testing/sign-fixtures";
import { createTrustingNssDb, run, runPdfsig, tempDir } from "./testing/external-tools";

/**
 * Signing with a key the server never holds, in the one pipeline: prepare (revision + signed attributes),
 * the key signs the attributes elsewhere (here: WebCrypto as in a browser, and an RSA key made by openssl as
 * a token would hold), then check and assemble the CMS and fill /Contents. Judged by pdfsig.
 */

let pki: TestPki;
let nssDb: string;
let dir: string;
let original: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  nssDb = await createTrustingNssDb(pki.ca.certPem);
  dir = await tempDir("camket-two-phase-");
  original = await createSamplePdf(2);
});

/** Phase 1 for the head's certificate: the revision and the DER signed attributes to hand to the key. */
async function prepareFor(certDer: Uint8Array, chain: Uint8Array[]) {
  const prepared = await prepareSignature(headSignOptions(pki, original), chain);
  return { prepared, signedAttributes: signedAttributesDer({ contentDigest: prepared.contentDigest, signerCertDer: certDer }) };
}

describe("two-phase signing", () => {
  it("a P-256 key signing in WebCrypto (r‖s) gives a PDF pdfsig finds valid and trusted", async () => {
    const chain = [pki.head.certificate.certDer, pki.ca.certDer];
    const { prepared, signedAttributes } = await prepareFor(pki.head.certificate.certDer, chain);
    const key = await crypto.subtle.importKey("pkcs8", new Uint8Array(pki.head.certificate.privateKeyPkcs8), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
    const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, new Uint8Array(signedAttributes)));

    const check = checkExternalSignature(signedAttributes, raw, pki.head.certificate.certDer);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const cms = assembleSignedData({ signedAttributes, signature: check.signatureValue, signatureAlgorithmOid: check.signatureAlgorithmOid, certificateChain: chain });
    const file = path.join(dir, "webcrypto.pdf");
    await writeFile(file, writeContents(prepared, cms));
    const [signature] = (await runPdfsig(file, nssDb)).signatures;
    expect([signature?.validation, signature?.certificateValidation]).toEqual(["Signature is Valid.", "Certificate is Trusted."]);
  });

  it("another person's key, or attributes changed after signing, are refused before anything is embedded", async () => {
    const { signedAttributes } = await prepareFor(pki.head.certificate.certDer, [pki.head.certificate.certDer]);
    const chairKey = createPrivateKey({ key: Buffer.from(pki.chairperson.certificate.privateKeyPkcs8), format: "der", type: "pkcs8" });
    const byChair = sign("sha256", signedAttributes, { key: chairKey, dsaEncoding: "der" });
    expect(checkExternalSignature(signedAttributes, byChair, pki.head.certificate.certDer)).toEqual({ ok: false, reason: "signature-mismatch" });

    const headKey = createPrivateKey({ key: Buffer.from(pki.head.certificate.privateKeyPkcs8), format: "der", type: "pkcs8" });
    const byHead = sign("sha256", signedAttributes, { key: headKey, dsaEncoding: "der" });
    const altered = Uint8Array.from(signedAttributes);
    altered[altered.length - 1]! ^= 1;
    expect(checkExternalSignature(altered, byHead, pki.head.certificate.certDer)).toEqual({ ok: false, reason: "signature-mismatch" });
    expect(checkExternalSignature(signedAttributes, Uint8Array.of(1, 2, 3), pki.head.certificate.certDer)).toEqual({ ok: false, reason: "signature-mismatch" });
    expect(checkExternalSignature(signedAttributes, byHead, Uint8Array.of(0x30, 0))).toEqual({ ok: false, reason: "not-a-certificate" });
  });

  it("an RSA-2048 key (as on most tokens) signs PKCS#1 v1.5; the CMS names sha256WithRSAEncryption and verifies", async () => {
    const made = await run("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Người ký RSA/O=UBND/C=VN", "-utf8",
      "-addext", "keyUsage=critical,digitalSignature,nonRepudiation",
      "-keyout", path.join(dir, "rsa.key"), "-out", path.join(dir, "rsa.pem"), "-outform", "PEM",
    ]);
    expect(made.code).toBe(0);
    const certDer = new Uint8Array(Buffer.from((await readFile(path.join(dir, "rsa.pem"), "latin1")).replace(/-----[^-]+-----|\s/g, ""), "base64"));
    const { prepared, signedAttributes } = await prepareFor(certDer, [certDer]);
    const signature = sign("sha256", signedAttributes, createPrivateKey(await readFile(path.join(dir, "rsa.key"))));

    const check = checkExternalSignature(signedAttributes, signature, certDer);
    expect(check).toMatchObject({ ok: true, signatureAlgorithmOid: "1.2.840.113549.1.1.11" });
    if (!check.ok) return;
    const cms = assembleSignedData({ signedAttributes, signature: check.signatureValue, signatureAlgorithmOid: check.signatureAlgorithmOid, certificateChain: [certDer] });
    const file = path.join(dir, "rsa.pdf");
    await writeFile(file, writeContents(prepared, cms));
    // Not chained to the city CA, so untrusted; the signature itself must verify.
    const [result] = (await runPdfsig(file, nssDb)).signatures;
    expect(result?.validation).toBe("Signature is Valid.");
  });
});
