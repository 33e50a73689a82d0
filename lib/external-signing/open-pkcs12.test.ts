import { createHash, createPrivateKey, randomBytes, verify, webcrypto, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { checkExternalSignature } from "@/lib/signing/check-external-signature";
import { signedAttributesDer } from "@/lib/signing/cms-signed-data";
import { createTestCa, issueTestCertificate, issueTestKeyAndCertificate, type TestCa } from "@/lib/signing/testing/external-test-ca";
import { run, tempDir } from "@/lib/signing/testing/external-tools";
import { issueTestRsaKeyAndCertificate, makeTestPkcs12, writeTestPkcs12File } from "@/lib/signing/testing/make-pkcs12";
import type { ExternalKey, ToBeSigned } from "./external-key";
import { openPkcs12, PKCS12_ERROR_MESSAGES, PKCS12_MAX_BYTES, Pkcs12Error } from "./open-pkcs12";

const PASSWORD = "Mật-khẩu 2026!";

let root: TestCa;
let intermediate: TestCa;
let head: Awaited<ReturnType<typeof issueTestKeyAndCertificate>>;

beforeAll(async () => {
  root = await createTestCa("P12 Test Root");
  intermediate = await createTestCa("P12 Test Issuing CA", root);
  head = await issueTestKeyAndCertificate(intermediate, { commonName: "Nguyễn Văn Thủ Trưởng" });
});

/** What the prepare call would hand the page: DER signed attributes over a random document digest. */
function toBeSigned(certDer: Uint8Array): ToBeSigned {
  const signedAttributes = signedAttributesDer({ contentDigest: randomBytes(32), signerCertDer: certDer });
  return { signedAttributes, sha256: createHash("sha256").update(signedAttributes).digest() };
}

/** The private CryptoKey behind an ExternalKey, reached only to assert it is non-extractable. */
async function privateKeyOf(key: ExternalKey): Promise<CryptoKey> {
  const original = webcrypto.subtle.sign.bind(webcrypto.subtle);
  let seen: CryptoKey | undefined;
  const subtle = globalThis.crypto.subtle as SubtleCrypto & { sign: SubtleCrypto["sign"] };
  const spy = (async (algorithm: AlgorithmIdentifier, cryptoKey: CryptoKey, data: BufferSource) => {
    seen = cryptoKey;
    return original(algorithm, cryptoKey, data);
  }) as SubtleCrypto["sign"];
  Object.defineProperty(subtle, "sign", { value: spy, configurable: true, writable: true });
  try {
    await key.sign([toBeSigned(key.certificate)]);
  } finally {
    delete (subtle as { sign?: unknown }).sign; // back to the prototype's
  }
  if (!seen) throw new Error("sign() did not use WebCrypto");
  return seen;
}

async function expectFailure(promise: Promise<unknown>, reason: keyof typeof PKCS12_ERROR_MESSAGES): Promise<Pkcs12Error> {
  const error = await promise.then(
    () => {
      throw new Error(`expected "${reason}", but the file opened`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Pkcs12Error);
  expect((error as Pkcs12Error).reason).toBe(reason);
  expect((error as Error).message).toBe(PKCS12_ERROR_MESSAGES[reason]);
  return error as Pkcs12Error;
}

describe("openPkcs12", () => {
  it("opens an OpenSSL 3 .p12 (PBES2/AES-256, MAC SHA-256): non-extractable EC key, right certificate and chain, verifiable signatures", async () => {
    const file = await makeTestPkcs12({ certDer: head.certDer, pkcs8: head.pkcs8, chain: [intermediate.certDer, root.certDer], password: PASSWORD });
    const key = await openPkcs12(file, PASSWORD, "thu-truong.p12");

    expect(key.method).toBe("PKCS12");
    expect(Buffer.from(key.certificate).equals(Buffer.from(head.certDer))).toBe(true);
    expect(key.chain.map((der) => Buffer.from(der).toString("hex")).sort()).toEqual(
      [intermediate.certDer, root.certDer].map((der) => Buffer.from(der).toString("hex")).sort(),
    );
    expect(key.label).toBe("Nguyễn Văn Thủ Trưởng");

    const privateKey = await privateKeyOf(key);
    expect(privateKey.type).toBe("private");
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.usages).toEqual(["sign"]);
    await expect(webcrypto.subtle.exportKey("pkcs8", privateKey)).rejects.toThrow();

    const items = [toBeSigned(head.certDer), toBeSigned(head.certDer)];
    const signatures = await key.sign(items);
    expect(signatures).toHaveLength(2);
    for (const [index, signature] of signatures.entries()) {
      expect(signature).toHaveLength(64); // r‖s
      const check = checkExternalSignature(items[index].signedAttributes, signature, head.certDer);
      expect(check.ok).toBe(true);
    }
    // Each signature is bound to its own attributes.
    expect(checkExternalSignature(items[1].signedAttributes, signatures[0], head.certDer).ok).toBe(false);
  });

  it("picks the certificate that matches the key, wherever it sits in the file", async () => {
    const other = await issueTestKeyAndCertificate(intermediate, { commonName: "Someone Else" });
    // openssl always lists the key's own certificate first; this file lists another end-entity one first.
    const file = await makePkcs12WithPkijs(head.pkcs8, [other.certDer, intermediate.certDer, head.certDer]);
    const key = await openPkcs12(file, PASSWORD);
    expect(Buffer.from(key.certificate).equals(Buffer.from(head.certDer))).toBe(true);
    expect(key.chain.map((der) => Buffer.from(der).toString("hex"))).toEqual([other.certDer, intermediate.certDer].map((der) => Buffer.from(der).toString("hex")));
    const item = toBeSigned(head.certDer);
    const [signature] = await key.sign([item]);
    expect(checkExternalSignature(item.signedAttributes, signature, head.certDer).ok).toBe(true);
    expect(checkExternalSignature(item.signedAttributes, signature, other.certDer).ok).toBe(false);
  });

  it("opens an RSA .p12: RSASSA-PKCS1-v1_5 SHA-256 signatures that verify", async () => {
    const rsa = await issueTestRsaKeyAndCertificate(intermediate, { commonName: "RSA Signer" });
    const file = await makeTestPkcs12({ certDer: rsa.certDer, pkcs8: rsa.pkcs8, chain: [intermediate.certDer], password: PASSWORD });
    const key = await openPkcs12(file, PASSWORD);
    expect(Buffer.from(key.certificate).equals(Buffer.from(rsa.certDer))).toBe(true);
    expect(key.chain).toHaveLength(1);
    const privateKey = await privateKeyOf(key);
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.algorithm.name).toBe("RSASSA-PKCS1-v1_5");

    const item = toBeSigned(rsa.certDer);
    const [signature] = await key.sign([item]);
    expect(signature).toHaveLength(256);
    const check = checkExternalSignature(item.signedAttributes, signature, rsa.certDer);
    expect(check).toMatchObject({ ok: true, signatureAlgorithmOid: "1.2.840.113549.1.1.11" });
  });

  it("opens a P-384 key and returns DER signatures (SHA-256) that verify", async () => {
    const keys = (await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const certDer = await issueTestCertificate(intermediate, keys.publicKey, { commonName: "P-384 Signer" });
    const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
    const key = await openPkcs12(await makeTestPkcs12({ certDer, pkcs8, password: PASSWORD }), PASSWORD);
    expect((await privateKeyOf(key)).extractable).toBe(false);
    const item = toBeSigned(certDer);
    const [signature] = await key.sign([item]);
    expect(signature[0]).toBe(0x30); // DER SEQUENCE, not a 96-byte r‖s
    const publicKey = new X509Certificate(Buffer.from(certDer)).publicKey;
    expect(verify("sha256", item.signedAttributes, { key: publicKey, dsaEncoding: "der" }, signature)).toBe(true);
  });

  it("refuses an Ed25519 key as an unsupported key type", async () => {
    const dir = await tempDir("camket-ed25519-");
    const made = await run("openssl", ["req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", `${dir}/k.pem`, "-out", `${dir}/c.pem`, "-subj", "/CN=Ed25519", "-days", "1"]);
    expect(made.code).toBe(0);
    const pkcs8 = new Uint8Array(createPrivateKey(await readFile(`${dir}/k.pem`)).export({ type: "pkcs8", format: "der" }));
    const certDer = new Uint8Array(new X509Certificate(await readFile(`${dir}/c.pem`)).raw);
    await expectFailure(openPkcs12(await makeTestPkcs12({ certDer, pkcs8, password: PASSWORD }), PASSWORD), "unsupported-key");
  });

  it("writeTestPkcs12File writes a file the opener reads (what Playwright hands the file input)", async () => {
    const dir = await tempDir("camket-p12-file-");
    const filePath = await writeTestPkcs12File(dir, { certDer: head.certDer, pkcs8: head.pkcs8, chain: [intermediate.certDer], password: PASSWORD, fileName: "thu-truong.pfx" });
    expect(filePath).toBe(`${dir}/thu-truong.pfx`);
    const key = await openPkcs12(new Uint8Array(await readFile(filePath)), PASSWORD);
    expect(Buffer.from(key.certificate).equals(Buffer.from(head.certDer))).toBe(true);
  });

  it("refuses a wrong password with the exact message", async () => {
    const file = await makeTestPkcs12({ certDer: head.certDer, pkcs8: head.pkcs8, password: PASSWORD });
    const error = await expectFailure(openPkcs12(file, "mat-khau-sai"), "wrong-password");
    expect(error.message).toBe("Mật khẩu tệp chứng thư số không đúng.");
    await expectFailure(openPkcs12(file, ""), "wrong-password");
  });

  it("recognises a legacy 3DES file (older Windows export) and says how to re-export", async () => {
    const file = await makeTestPkcs12({ certDer: head.certDer, pkcs8: head.pkcs8, password: PASSWORD, legacy: "3des" });
    const error = await expectFailure(openPkcs12(file, PASSWORD), "legacy-encryption");
    expect(error.message).toContain("3DES/RC2");
    expect(error.message).toContain("-keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256");
    expect(error.message).toContain("AES256-SHA256");
  });

  it("recognises OpenSSL's -legacy (RC2) file too", async () => {
    const file = await makeTestPkcs12({ certDer: head.certDer, pkcs8: head.pkcs8, password: PASSWORD, legacy: "rc2" });
    await expectFailure(openPkcs12(file, PASSWORD), "legacy-encryption");
  });

  it("refuses random bytes, a truncated file and an empty file as not PKCS#12", async () => {
    await expectFailure(openPkcs12(randomBytes(2000), PASSWORD), "not-pkcs12");
    await expectFailure(openPkcs12(new Uint8Array(0), PASSWORD), "not-pkcs12");
    const file = await makeTestPkcs12({ certDer: head.certDer, pkcs8: head.pkcs8, password: PASSWORD });
    await expectFailure(openPkcs12(file.subarray(0, file.length - 200), PASSWORD), "not-pkcs12");
    // A certificate is DER too, but not a PFX.
    await expectFailure(openPkcs12(head.certDer, PASSWORD), "not-pkcs12");
  });

  it("refuses a file over 100 KB before parsing it", async () => {
    const oversized = new Uint8Array(PKCS12_MAX_BYTES + 1);
    oversized[0] = 0x30;
    await expectFailure(openPkcs12(oversized, PASSWORD), "too-large");
    // Exactly the cap is parsed (and here, refused as not PKCS#12 rather than too large).
    await expectFailure(openPkcs12(new Uint8Array(PKCS12_MAX_BYTES), PASSWORD), "not-pkcs12");
  });

  it("refuses a .p12 that holds only a certificate", async () => {
    const file = await makeTestPkcs12({ certDer: head.certDer, chain: [intermediate.certDer], password: PASSWORD });
    await expectFailure(openPkcs12(file, PASSWORD), "no-private-key");
  });

  it("refuses a .p12 whose key has no certificate in the file", async () => {
    const other = await issueTestKeyAndCertificate(intermediate, { commonName: "Someone Else" });
    // openssl refuses to write a key with a certificate that is not its own; pkijs does not.
    const file = await makePkcs12WithPkijs(head.pkcs8, [other.certDer, intermediate.certDer]);
    await expectFailure(openPkcs12(file, PASSWORD), "no-certificate");
    // The same writer with the right certificate opens: the refusal is about the match, not the writer.
    const good = await makePkcs12WithPkijs(head.pkcs8, [head.certDer]);
    expect((await openPkcs12(good, PASSWORD)).label).toBe("Nguyễn Văn Thủ Trưởng");
  });

  it("without a MAC, a wrong password is still told as a wrong password (the key does not decrypt)", async () => {
    const file = await makePkcs12WithPkijs(head.pkcs8, [head.certDer], { mac: false });
    await expectFailure(openPkcs12(file, "mat-khau-sai"), "wrong-password");
    const key = await openPkcs12(file, PASSWORD);
    expect(Buffer.from(key.certificate).equals(Buffer.from(head.certDer))).toBe(true);
  });
});

/**
 * A .p12 written by pkijs (PBES2/AES-256 key bag, plain certificate bags in the listed order, SHA-256 MAC
 * unless `mac: false`) — for what openssl will not write: a key with someone else's certificate, an odd order.
 */
async function makePkcs12WithPkijs(pkcs8: Uint8Array, certificates: Uint8Array[], options: { mac?: boolean } = {}): Promise<Uint8Array> {
  const pkijs = await import("pkijs");
  const password = new TextEncoder().encode(PASSWORD).buffer as ArrayBuffer;
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(new Uint8Array(pkcs8)) });
  await keyBag.makeInternalValues({ password, contentEncryptionAlgorithm: { name: "AES-CBC", length: 256, iv: webcrypto.getRandomValues(new Uint8Array(16)) }, hmacHashAlgorithm: "SHA-256", iterationCount: 2048 });
  const certBags = certificates.map(
    (der) => new pkijs.SafeBag({ bagId: "1.2.840.113549.1.12.10.1.3", bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(new Uint8Array(der)) }) }),
  );
  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: "1.2.840.113549.1.12.10.1.2", bagValue: keyBag })] }) },
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: certBags }) },
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [{}, {}] });
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues({ password, iterations: 2048, pbkdf2HashAlgorithm: "SHA-256", hmacHashAlgorithm: "SHA-256" });
  if (options.mac === false) pfx.macData = undefined;
  return new Uint8Array(pfx.toSchema().toBER(false));
}
