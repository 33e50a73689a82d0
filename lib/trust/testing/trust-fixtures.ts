import "reflect-metadata";
import { webcrypto } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as x509 from "@peculiar/x509";
import { prisma } from "@/lib/db/client";
import type { TestCa } from "@/lib/signing/testing/external-test-ca";
import { sha256Hex } from "../certificates";

/** Test helpers for lib/trust: anchors straight into the table, hand-made CA certificates, a CRL server. */

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const EC: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
const SIGN: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };
const DAY = 86_400_000;

export async function addAnchorRow(ca: { certDer: Uint8Array; subject: string }, enabled = true) {
  return prisma.trustAnchor.create({
    data: { subject: ca.subject, certDer: new Uint8Array(ca.certDer), sha256Fingerprint: sha256Hex(ca.certDer), notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 3650 * DAY), enabled },
  });
}

export const newKeys = async () => (await webcrypto.subtle.generateKey(EC, true, ["sign", "verify"])) as CryptoKeyPair;

let serial = 0x100000;
/**
 * A CA certificate for `keys` named CN=`commonName`, signed by `issuer` (or self-signed), with no path
 * length limit — for chains the test CA helper does not make (cross-signed pairs, long chains).
 */
export async function rawCa(commonName: string, keys: CryptoKeyPair, issuer?: { cert: x509.X509Certificate; keys: CryptoKeyPair }, options: { keyUsage?: boolean } = {}): Promise<TestCa> {
  const name = `C=VN, O=Test Trust, CN=${commonName}`;
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(true, undefined, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (options.keyUsage !== false) extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
  const cert = await x509.X509CertificateGenerator.create({
    subject: name,
    issuer: issuer ? issuer.cert.subject : name,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    signingAlgorithm: SIGN,
    serialNumber: (serial++).toString(16),
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    extensions,
  });
  const certDer = new Uint8Array(cert.rawData);
  return { certDer, certPem: cert.toString("pem"), subject: cert.subject, keys, cert };
}

/** A leaf with no key usage extension at all. */
export async function leafWithoutKeyUsage(ca: TestCa): Promise<Uint8Array> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create({
    subject: "C=VN, CN=No Key Usage",
    issuer: ca.cert.subject,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGN,
    serialNumber: (serial++).toString(16),
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), await x509.AuthorityKeyIdentifierExtension.create(ca.cert)],
  });
  return new Uint8Array(cert.rawData);
}

/** A tiny HTTP server on 127.0.0.1 serving bytes by path, counting requests. */
export async function startFileServer(): Promise<{ url(path: string): string; serve(path: string, body: Uint8Array): void; hits(path: string): number; close(): Promise<void> }> {
  const files = new Map<string, Uint8Array>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/pkix-crl", "content-length": body.length }).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body) => void files.set(path, body),
    hits: (path) => counts.get(path) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
