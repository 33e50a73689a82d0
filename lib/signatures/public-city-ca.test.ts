import { describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { NextRequest, type NextFetchEvent } from "next/server";
import { writeTemp } from "@/lib/test/pdf-tools";
import { GET as getPem } from "@/app/ca/city-ca.pem/route";
import { GET as getDer } from "@/app/ca/city-ca.der/route";
import proxy from "@/proxy";
import { getCityCa } from "./city-ca-store";
import { getPublicCityCa } from "./get-public-city-ca";

const openssl = (file: string, ...args: string[]) => execFileSync("openssl", ["x509", "-in", file, "-noout", ...args], { encoding: "utf8" }).trim();

describe("the city CA certificate is public", () => {
  it("the sign-in gate lets a signed-out visitor reach /ca and its downloads, and nothing else new", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "test-secret-for-the-sign-in-gate"); // next-auth refuses to run without one
    const gate = (path: string) => proxy(new NextRequest(`http://localhost${path}`), {} as NextFetchEvent);
    for (const path of ["/ca", "/ca/city-ca.pem", "/ca/city-ca.der"]) {
      const response = await gate(path);
      expect(response.headers.get("location"), path).toBeNull();
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
    for (const path of ["/theo-doi", "/cable", "/cam-ket"]) {
      expect((await gate(path)).headers.get("location"), path).toMatch(/\/login/);
    }
  });

  it("GET /ca/city-ca.pem and /ca/city-ca.der answer 200 without a session, with the certificate openssl fingerprints as the page does", async () => {
    const ca = await getCityCa();
    const page = await getPublicCityCa();
    const pem = await getPem();
    expect(pem.status).toBe(200);
    expect(pem.headers.get("cache-control")).toBe("public, max-age=3600");
    const pemText = await pem.text();
    expect(pemText).toBe(ca.certPem);
    const der = await getDer();
    expect(der.status).toBe(200);
    expect(der.headers.get("content-type")).toBe("application/pkix-cert");
    const derBytes = new Uint8Array(await der.arrayBuffer());
    expect(Buffer.from(derBytes).equals(Buffer.from(ca.certDer))).toBe(true);

    const pemFile = writeTemp(new TextEncoder().encode(pemText), "city-ca.pem");
    const derFile = writeTemp(derBytes, "city-ca.der");
    expect(openssl(pemFile, "-fingerprint", "-sha256")).toBe(`sha256 Fingerprint=${page.sha256Fingerprint}`);
    expect(openssl(derFile, "-inform", "DER", "-fingerprint", "-sha1")).toBe(`sha1 Fingerprint=${page.sha1Fingerprint}`);
    expect(openssl(pemFile, "-serial")).toBe(`serial=${page.serial}`);
    expect(page).not.toHaveProperty("privateKeyPkcs8");
  });
});
