import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError, MasterKeyFormatError, parseMasterKey } from "./key-encryption";

const masterKey = new Uint8Array(randomBytes(32));
const pkcs8 = new Uint8Array(randomBytes(138));

describe("private key encryption", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptPrivateKey(pkcs8, masterKey);
    const b = encryptPrivateKey(pkcs8, masterKey);
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + pkcs8.length);
    expect(Buffer.compare(a, b)).not.toBe(0);
    expect(Buffer.compare(decryptPrivateKey(a, masterKey), pkcs8)).toBe(0);
  });

  it("detects any flipped byte, a wrong key and truncation", () => {
    const encrypted = encryptPrivateKey(pkcs8, masterKey);
    for (const at of [0, 1, 13, 29, encrypted.length - 1]) {
      const tampered = new Uint8Array(encrypted);
      tampered[at]! ^= 0x01;
      expect(() => decryptPrivateKey(tampered, masterKey)).toThrow(KeyDecryptionError);
    }
    expect(() => decryptPrivateKey(encrypted, new Uint8Array(randomBytes(32)))).toThrow(KeyDecryptionError);
    expect(() => decryptPrivateKey(encrypted.subarray(0, 29), masterKey)).toThrow(KeyDecryptionError);
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
