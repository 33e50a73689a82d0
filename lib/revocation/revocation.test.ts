import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import * as x509 from "@peculiar/x509";
import { prisma } from "@/lib/db/client";
import { getCityCa, certificatePem } from "@/lib/signatures/city-ca-store";
import { issueFreshCertificate } from "@/lib/signatures/user-certificate-store";
import { revokeCertificate } from "@/lib/signatures/revoke-certificate";
import { issueUserCertificate } from "@/lib/signing/city-ca";
import { createActor } from "@/lib/test/factories";
import { writeTemp } from "@/lib/test/pdf-tools";
import { GET as getCrl } from "@/app/ca/crl/[name]/route";
import { respondToOcspGet, respondToOcspPost } from "./respond-to-ocsp";
import { ocspResponseForCertificate } from "./ocsp-response-for-certificate";

// The city CA's revocation services judged by OpenSSL: `openssl ocsp` against the responder over HTTP, and
// `openssl crl` on the CRL the route serves.

let server: Server;
let url: string;
let caPem: string;

// Both streams: OpenSSL says "verify OK" on stderr.
const openssl = (args: string[]) => {
  const run = spawnSync("openssl", args, { encoding: "utf8" });
  return `${run.stdout}${run.stderr}`;
};
// The responder runs in this process: a query over HTTP must not block the event loop that answers it.
const opensslAsync = (args: string[]) =>
  new Promise<string>((resolve) => execFile("openssl", args, { encoding: "utf8", timeout: 20_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)));
const pemFile = (der: Uint8Array, name: string) => writeTemp(new TextEncoder().encode(certificatePem(der)), name);
const ask = (certPem: string) => opensslAsync(["ocsp", "-issuer", caPem, "-cert", certPem, "-url", `${url}/ca/ocsp`, "-CAfile", caPem]);
const crlText = async () => {
  const response = await getCrl(new Request("http://x/ca/crl/city-ca.crl"), { params: Promise.resolve({ name: "city-ca.crl" }) });
  expect(response.headers.get("content-type")).toBe("application/pkix-crl");
  const file = writeTemp(new Uint8Array(await response.arrayBuffer()), "city-ca.crl");
  return openssl(["crl", "-inform", "DER", "-in", file, "-noout", "-text", "-CAfile", caPem]);
};

async function storedCertificate(serial?: string) {
  const actor = await createActor("UNIT_HEAD");
  if (!serial) return issueFreshCertificate(actor);
  const issued = await issueUserCertificate(await getCityCa(), { fullName: actor.fullName, jobTitle: actor.jobTitle, unitName: "Phường Thử", serial });
  return prisma.userCertificate.create({
    data: { userId: actor.id, serialHex: issued.serialHex, subject: issued.subject, certDer: new Uint8Array(issued.certDer), sha256Fingerprint: issued.sha256Fingerprint, notBefore: issued.notBefore, notAfter: issued.notAfter, method: "PKCS12" },
  });
}

async function revoke(certificateId: string) {
  const admin = await createActor("ADMIN");
  expect((await revokeCertificate(admin, { certificateId, reason: "Mất token" })).ok).toBe(true);
}

beforeAll(async () => {
  caPem = pemFile((await getCityCa()).certDer, "ca.pem");
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const response =
        req.method === "POST"
          ? await respondToOcspPost(new Request("http://x/ca/ocsp", { method: "POST", body: Buffer.concat(chunks) }))
          : await respondToOcspGet(req.url!.replace(/^\/ca\/ocsp\//, "").split("/"));
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("OCSP responder (RFC 6960) and CRL of the city CA", () => {
  it("answers good, then revoked from the very next request, with a verified signature and the nonce echoed; the CRL lists it at once", async () => {
    const cert = await storedCertificate();
    const certPem = pemFile(cert.certDer, "leaf.pem");
    const good = await ask(certPem);
    expect(good).toContain("Response verify OK");
    expect(good).toContain(`${certPem}: good`);
    expect(good).not.toContain("WARNING: no nonce");

    await revoke(cert.id);
    const revoked = await ask(certPem);
    expect(revoked).toContain("Response verify OK");
    expect(revoked).toContain(`${certPem}: revoked`);
    expect(revoked).toMatch(/Revocation Time: /);
    const crl = await crlText();
    expect(crl).toContain("verify OK");
    expect(crl).toContain(`Serial Number: ${cert.serialHex.toUpperCase()}`);
    expect(crl).toMatch(/Next Update: /);
    expect(crl).toMatch(/X509v3 CRL Number/);
  });

  it("says unknown for a serial the CA never issued", async () => {
    const ca = await getCityCa();
    const never = await issueUserCertificate(ca, { fullName: "Không Lưu", jobTitle: "Thử", unitName: "Thử" });
    expect(await ask(pemFile(never.certDer, "never.pem"))).toMatch(/never\.pem: unknown/);
  });

  it("matches a serial with its high bit set however it was stored: revoked in OCSP, positive in the CRL", async () => {
    const cert = await storedCertificate("9f0102030405060708090a0b0c0d0e0f");
    const certPem = pemFile(cert.certDer, "high.pem");
    expect(await ask(certPem)).toContain(`${certPem}: good`);
    await revoke(cert.id);
    expect(await ask(certPem)).toContain(`${certPem}: revoked`);
    const crl = await crlText();
    expect(crl).toMatch(/Serial Number: (00)?9F0102030405060708090A0B0C0D0E0F/);
    expect(crl).not.toMatch(/Serial Number: -/);
  });

  it("answers GET (base64 request in the path) like POST, cacheable; garbage gets malformedRequest", async () => {
    const cert = await storedCertificate();
    const certPem = pemFile(cert.certDer, "get.pem");
    const requestFile = writeTemp(new Uint8Array(), "req.der");
    openssl(["ocsp", "-issuer", caPem, "-cert", certPem, "-no_nonce", "-reqout", requestFile]);
    const encoded = encodeURIComponent(readFileSync(requestFile).toString("base64"));
    const response = await fetch(`${url}/ca/ocsp/${encoded}`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const responseFile = writeTemp(new Uint8Array(await response.arrayBuffer()), "resp.der");
    expect(openssl(["ocsp", "-respin", responseFile, "-issuer", caPem, "-cert", certPem, "-CAfile", caPem])).toContain(`${certPem}: good`);

    const garbage = await fetch(`${url}/ca/ocsp`, { method: "POST", body: "not an OCSP request" });
    const garbageFile = writeTemp(new Uint8Array(await garbage.arrayBuffer()), "bad.der");
    expect(openssl(["ocsp", "-respin", garbageFile, "-resp_text", "-noverify"])).toMatch(/malformedrequest/i);
    expect((await fetch(`${url}/ca/ocsp/%%%`)).status).toBe(200);
  });

  it("gives the same signed answer in-process for validation data, and null for a certificate the city CA did not issue", async () => {
    const cert = await storedCertificate();
    const der = await ocspResponseForCertificate(new Uint8Array(cert.certDer));
    const file = writeTemp(der!, "inproc.der");
    expect(openssl(["ocsp", "-respin", file, "-issuer", caPem, "-sha256", "-cert", pemFile(cert.certDer, "c.pem"), "-CAfile", caPem])).toMatch(/c\.pem: good[\s\S]*Response verify OK/);
    const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const foreign = await x509.X509CertificateGenerator.createSelfSigned({ name: "CN=Foreign", keys, signingAlgorithm: { name: "ECDSA", hash: "SHA-256" } });
    expect(await ocspResponseForCertificate(new Uint8Array(foreign.rawData))).toBeNull();
  });

  it("serves only city-ca.crl", async () => {
    expect((await getCrl(new Request("http://x/ca/crl/other.crl"), { params: Promise.resolve({ name: "other.crl" }) })).status).toBe(404);
  });
});
