import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createCityCa, issueServiceCertificate, issueUserCertificate } from "./city-ca";
import { run, tempDir } from "./testing/external-tools";

describe("city CA", () => {
  it("issues user certificates that openssl chains to the CA, with UTF-8 Vietnamese names", async () => {
    const now = new Date("2026-11-26T03:00:00Z");
    const ca = await createCityCa({ commonName: "UBND thành phố Phan Thiết", now });
    const user = await issueUserCertificate(ca, {
      fullName: "Nguyễn Văn Đức",
      jobTitle: "Trưởng phòng",
      unitName: "Phòng Nội vụ",
      email: "duc.nv@phanthiet.gov.vn",
      validityYears: 2,
      now,
    });
    expect(user.notAfter.toISOString()).toBe("2028-11-26T03:00:00.000Z");
    expect(ca.notAfter.toISOString()).toBe("2036-11-26T03:00:00.000Z");
    expect(user.serialHex).toMatch(/^[0-9a-f]{32}$/);
    expect(user.subject).toBe("C=VN, O=UBND thành phố Phan Thiết, OU=Phòng Nội vụ, T=Trưởng phòng, CN=Nguyễn Văn Đức");

    const dir = await tempDir();
    await writeFile(path.join(dir, "ca.pem"), ca.certPem);
    await writeFile(path.join(dir, "user.pem"), user.certPem);
    const verified = await run("openssl", ["verify", "-x509_strict", "-CAfile", path.join(dir, "ca.pem"), path.join(dir, "user.pem")]);
    expect(verified.output).toContain(": OK");

    const asn1 = await run("openssl", ["asn1parse", "-in", path.join(dir, "user.pem")]);
    expect(asn1.output).toMatch(/UTF8STRING\s+:Nguyễn Văn Đức/);
    expect(asn1.output).toMatch(/UTF8STRING\s+:UBND thành phố Phan Thiết/);
    const text = await run("openssl", ["x509", "-in", path.join(dir, "user.pem"), "-noout", "-text"]);
    expect(text.output).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text.output).toContain("email:duc.nv@phanthiet.gov.vn");
    expect(text.output).toContain("X509v3 Authority Key Identifier");
  });

  it("refuses validity beyond five years and malformed serials", async () => {
    const ca = await createCityCa({ commonName: "UBND thành phố Phan Thiết" });
    const base = { fullName: "A", jobTitle: "B", unitName: "C" };
    await expect(issueUserCertificate(ca, { ...base, validityYears: 6 })).rejects.toThrow(RangeError);
    await expect(issueUserCertificate(ca, { ...base, serial: "xyz" })).rejects.toThrow(RangeError);
    const fixed = await issueUserCertificate(ca, { ...base, serial: "0a1b2c" });
    expect(fixed.serialHex).toBe("0a1b2c");
  });

  describe("revocation pointers (issue 15)", () => {
    afterEach(() => vi.unstubAllEnvs());
    const issue = async () => {
      const ca = await createCityCa({ commonName: "CA thử" });
      return { ca, user: await issueUserCertificate(ca, { fullName: "Trần Thị Thu", jobTitle: "Chủ tịch", unitName: "UBND phường" }) };
    };
    const text = async (der: Uint8Array) => {
      const dir = await tempDir();
      const file = path.join(dir, "c.der");
      await writeFile(file, der);
      return (await run("openssl", ["x509", "-inform", "DER", "-in", file, "-noout", "-text"])).output;
    };

    it("names the CRL, the OCSP responder and the CA certificate at CAMKET_PUBLIC_URL", async () => {
      vi.stubEnv("CAMKET_PUBLIC_URL", "https://camket.phanthiet.gov.vn/");
      const out = await text((await issue()).user.certDer);
      expect(out).toContain("URI:https://camket.phanthiet.gov.vn/ca/crl/city-ca.crl");
      expect(out).toContain("OCSP - URI:https://camket.phanthiet.gov.vn/ca/ocsp");
      expect(out).toContain("CA Issuers - URI:https://camket.phanthiet.gov.vn/ca/city-ca.der");
    });

    it("names nothing without a public address, and the OCSP responder's own certificate is never checked", async () => {
      vi.stubEnv("CAMKET_PUBLIC_URL", "");
      const { ca, user } = await issue();
      expect(await text(user.certDer)).not.toMatch(/CRL Distribution|Authority Information Access/);
      vi.stubEnv("CAMKET_PUBLIC_URL", "https://camket.phanthiet.gov.vn");
      const responder = await issueServiceCertificate(ca, { commonName: "OCSP", purpose: "ocsp", validityMs: 86_400_000 });
      const out = await text(responder.certDer);
      expect(out).toContain("OCSP Signing");
      expect(out).toContain("OCSP No Check");
      expect(out).not.toContain("CRL Distribution");
    });
  });
});
