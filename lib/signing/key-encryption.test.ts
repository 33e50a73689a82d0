import { describe, expect, it } from "vitest";
import { createCipheriv, randomBytes } from "node:crypto";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError, MasterKeyFormatError, needsRewrap, parseMasterKey } from "./key-encryption";
import { keyMatchesCertificate } from "./key-matches-certificate";
import { createCityCa, issueUserCertificate } from "./city-ca";

const masterKey = new Uint8Array(randomBytes(32));
const pkcs8 = new Uint8Array(randomBytes(138));
const alice = { ownerId: "6f1c2a4e-0000-4000-8000-000000000001", certificateSha256: "aa".repeat(32) };
const bob = { ownerId: "6f1c2a4e-0000-4000-8000-000000000002", certificateSha256: "bb".repeat(32) };

/** The format every key was stored in before keys were bound to their owner (v1: only the version byte as AAD). */
function encryptLegacyV1(plain: Uint8Array, key: Uint8Array): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
  cipher.setAAD(Uint8Array.of(1));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return new Uint8Array(Buffer.concat([Uint8Array.of(1), iv, cipher.getAuthTag(), ciphertext]));
}

describe("private key encryption", () => {
  it("round-trips as v2, with a fresh IV every time", () => {
    const a = encryptPrivateKey(pkcs8, masterKey, alice);
    const b = encryptPrivateKey(pkcs8, masterKey, alice);
    expect(a[0]).toBe(2);
    expect(needsRewrap(a)).toBe(false);
    expect(a.length).toBe(1 + 12 + 16 + pkcs8.length);
    expect(Buffer.compare(a, b)).not.toBe(0);
    expect(Buffer.compare(decryptPrivateKey(a, masterKey, alice), pkcs8)).toBe(0);
  });

  it("a key sealed for one user and certificate does not open for another user or another certificate", () => {
    const sealed = encryptPrivateKey(pkcs8, masterKey, alice);
    expect(() => decryptPrivateKey(sealed, masterKey, bob)).toThrow(KeyDecryptionError);
    expect(() => decryptPrivateKey(sealed, masterKey, { ...alice, ownerId: bob.ownerId })).toThrow(KeyDecryptionError);
    expect(() => decryptPrivateKey(sealed, masterKey, { ...alice, certificateSha256: bob.certificateSha256 })).toThrow(KeyDecryptionError);
    // Downgrading the version byte to v1 (whose AAD ignores the owner) does not open it either.
    const downgraded = new Uint8Array(sealed);
    downgraded[0] = 1;
    expect(() => decryptPrivateKey(downgraded, masterKey, bob)).toThrow(KeyDecryptionError);
  });

  it("still opens legacy v1 keys, and marks them for re-wrapping", () => {
    const legacy = encryptLegacyV1(pkcs8, masterKey);
    expect(needsRewrap(legacy)).toBe(true);
    expect(Buffer.compare(decryptPrivateKey(legacy, masterKey, alice), pkcs8)).toBe(0);
  });

  it("detects any flipped byte, a wrong key, truncation and an unknown version", () => {
    const encrypted = encryptPrivateKey(pkcs8, masterKey, alice);
    for (const at of [0, 1, 13, 29, encrypted.length - 1]) {
      const tampered = new Uint8Array(encrypted);
      tampered[at]! ^= 0x01;
      expect(() => decryptPrivateKey(tampered, masterKey, alice)).toThrow(KeyDecryptionError);
    }
    expect(() => decryptPrivateKey(encrypted, new Uint8Array(randomBytes(32)), alice)).toThrow(KeyDecryptionError);
    expect(() => decryptPrivateKey(encrypted.subarray(0, 29), masterKey, alice)).toThrow(KeyDecryptionError);
    const future = new Uint8Array(encrypted);
    future[0] = 3;
    expect(() => decryptPrivateKey(future, masterKey, alice)).toThrow(/Unknown encrypted key version 3/);
  });
});

describe("keyMatchesCertificate", () => {
  it("accepts the certificate's own key and refuses another person's key or garbage", async () => {
    const ca = await createCityCa({ commonName: "CA thử" });
    const issue = (fullName: string) =>
      issueUserCertificate({ certDer: ca.certDer, privateKeyPkcs8: ca.privateKeyPkcs8 }, { fullName, jobTitle: "Chủ tịch", unitName: "Phường Thử" });
    const [a, b] = [await issue("Nguyễn Văn A"), await issue("Trần Thị B")];
    expect(keyMatchesCertificate(a.privateKeyPkcs8, a.certDer)).toBe(true);
    expect(keyMatchesCertificate(b.privateKeyPkcs8, a.certDer)).toBe(false);
    expect(keyMatchesCertificate(pkcs8, a.certDer)).toBe(false);
  });
});

describe("parseMasterKey", () => {
  const raw = Buffer.from(masterKey);
  it("accepts hex, base64 and base64url of 32 bytes", () => {
    for (const text of [raw.toString("hex"), raw.toString("base64"), ` ${raw.toString("base64url")}\n`]) {
      expect(Buffer.compare(parseMasterKey(text), raw)).toBe(0);
    }
  });

  it("rejects anything else with an explanation", () => {
    for (const text of ["", "short", raw.subarray(0, 16).toString("base64"), raw.toString("hex").slice(2), "!".repeat(44)]) {
      expect(() => parseMasterKey(text)).toThrow(MasterKeyFormatError);
    }
    expect(() => parseMasterKey(raw.subarray(0, 16).toString("base64"))).toThrow(/decodes to 16 bytes/);
  });
});
