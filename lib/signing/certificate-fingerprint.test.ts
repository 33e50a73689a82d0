import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeTemp } from "@/lib/test/pdf-tools";
import { certificateFingerprint, formatFingerprint, opensslFingerprintLine } from "./certificate-fingerprint";
import { createCityCa } from "./city-ca";

const openssl = (pemFile: string, ...args: string[]) => execFileSync("openssl", ["x509", "-in", pemFile, "-noout", ...args], { encoding: "utf8" }).trim();

describe("certificate fingerprints in openssl's own form", () => {
  it("SHA-256 and SHA-1 lines equal what `openssl x509 -noout -fingerprint` prints for the same PEM", async () => {
    const ca = await createCityCa({ commonName: "UBND thành phố Phan Thiết — CA ký số" });
    const pemFile = writeTemp(new TextEncoder().encode(ca.certPem), "city-ca.pem");
    expect(opensslFingerprintLine(certificateFingerprint(ca.certDer, "sha256"), "sha256")).toBe(openssl(pemFile, "-fingerprint", "-sha256"));
    expect(opensslFingerprintLine(certificateFingerprint(ca.certDer, "sha1"), "sha1")).toBe(openssl(pemFile, "-fingerprint", "-sha1"));
    // The stored (lowercase, no colons) digest formats to the same string.
    expect(formatFingerprint(ca.sha256Fingerprint)).toBe(certificateFingerprint(ca.certDer, "sha256"));
    expect(certificateFingerprint(ca.certDer, "sha256")).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(createHash("sha256").update(ca.certDer).digest("hex")).toBe(ca.sha256Fingerprint);
  });
});
