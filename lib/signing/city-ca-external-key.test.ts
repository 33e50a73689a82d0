import { describe, expect, it } from "vitest";
import { X509Certificate } from "node:crypto";
import { createCityCa, issueUserCertificate, issueUserCertificateForPublicKey } from "./city-ca";

describe("city CA certificate for a key it never holds", () => {
  const options = { fullName: "Nguyễn Văn Đức", jobTitle: "Trưởng phòng", unitName: "Phòng Nội vụ", email: "duc.nv@phanthiet.gov.vn", now: new Date("2026-11-26T03:00:00Z") };

  it("has the same subject, extensions and validity as a server-key certificate, and the given public key", async () => {
    const ca = await createCityCa({ commonName: "UBND thành phố Phan Thiết", now: options.now });
    const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const spki = new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey));
    const external = await issueUserCertificateForPublicKey(ca, spki, options);
    const server = await issueUserCertificate(ca, options);
    expect(external).not.toHaveProperty("privateKeyPkcs8");
    expect(external.subject).toBe(server.subject);
    expect([external.notBefore, external.notAfter]).toEqual([server.notBefore, server.notAfter]);

    const cert = new X509Certificate(Buffer.from(external.certDer));
    expect(Buffer.from(cert.publicKey.export({ format: "der", type: "spki" }))).toEqual(Buffer.from(spki));
    expect(cert.verify(new X509Certificate(Buffer.from(ca.certDer)).publicKey)).toBe(true);
    const extensions = (der: Uint8Array) => new X509Certificate(Buffer.from(der)).toLegacyObject().ext_key_usage;
    expect(extensions(external.certDer)).toEqual(extensions(server.certDer));
    expect(cert.subjectAltName).toBe("email:duc.nv@phanthiet.gov.vn");
    await expect(issueUserCertificateForPublicKey(ca, Uint8Array.of(0x30, 0), options)).rejects.toThrow(/neither EC P-256 nor RSA/);
  });
});
