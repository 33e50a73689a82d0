import "reflect-metadata";
import { webcrypto } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
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
export async function rawCa(commonName: string, keys: CryptoKeyPair, issuer?: { cert: x509.X509Certificate; keys: CryptoKeyPair }, options: { keyUsage?: boolean; crlUrl?: string } = {}): Promise<TestCa> {
  const name = `C=VN, O=Test Trust, CN=${commonName}`;
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(true, undefined, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (options.keyUsage !== false) extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
  if (options.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([options.crlUrl]));
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
export async function startFileServer(): Promise<{
  url(path: string): string;
  serve(path: string, body: Uint8Array): void;
  /** Answers POSTs to `path` with what `answer` makes of the request body (an OCSP responder). */
  respond(path: string, answer: (request: Uint8Array) => Promise<Uint8Array>): void;
  hits(path: string): number;
  close(): Promise<void>;
}> {
  const files = new Map<string, Uint8Array>();
  const handlers = new Map<string, (request: Uint8Array) => Promise<Uint8Array>>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const handler = handlers.get(path);
    if (handler) {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        handler(new Uint8Array(Buffer.concat(chunks)))
          .then((body) => res.writeHead(200, { "content-type": "application/ocsp-response" }).end(Buffer.from(body)))
          .catch(() => res.writeHead(500).end());
      });
      return;
    }
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
    respond: (path, answer) => void handlers.set(path, answer),
    hits: (path) => counts.get(path) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A signing certificate naming an OCSP responder in its AIA (and optionally a CRL), with its key pair. */
export async function leafWithOcsp(ca: TestCa, ocspUrl: string, crlUrl?: string) {
  const keys = await newKeys();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    new x509.AuthorityInfoAccessExtension({ ocsp: [ocspUrl] }),
  ];
  if (crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([crlUrl]));
  const cert = await x509.X509CertificateGenerator.create({
    subject: "C=VN, CN=OCSP Leaf",
    issuer: ca.cert.subject,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGN,
    serialNumber: (serial++).toString(16),
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    extensions,
  });
  return new Uint8Array(cert.rawData);
}

/** A delegated OCSP responder certificate issued by `ca` (with the OCSPSigning extended key usage unless told not to). */
export async function ocspResponderOf(ca: TestCa, withOcspSigning = true): Promise<TestCa> {
  const keys = await newKeys();
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(false, undefined, true), await x509.AuthorityKeyIdentifierExtension.create(ca.cert)];
  if (withOcspSigning) extensions.push(new x509.ExtendedKeyUsageExtension(["1.3.6.1.5.5.7.3.9"]));
  const cert = await x509.X509CertificateGenerator.create({
    subject: `C=VN, CN=OCSP Responder ${serial}`,
    issuer: ca.cert.subject,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGN,
    serialNumber: (serial++).toString(16),
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    extensions,
  });
  const certDer = new Uint8Array(cert.rawData);
  return { certDer, certPem: cert.toString("pem"), subject: cert.subject, keys, cert };
}

/** An OCSP response (RFC 6960) to `requestDer`, signed by `signer`, saying good or revoked. */
export async function ocspResponse(requestDer: Uint8Array, signer: TestCa, status: "good" | "revoked", embedSigner = false): Promise<Uint8Array> {
  const request = pkijs.OCSPRequest.fromBER(new Uint8Array(requestDer));
  const certID = request.tbsRequest.requestList[0]!.reqCert;
  const signerCert = pkijs.Certificate.fromBER(new Uint8Array(signer.certDer));
  const certStatus =
    status === "good"
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } })
      : new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: new Date(Date.now() - 3 * DAY) })] });
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: signerCert.subject,
      producedAt: new Date(),
      responses: [new pkijs.SingleResponse({ certID, certStatus, thisUpdate: new Date(Date.now() - 60_000), nextUpdate: new Date(Date.now() + DAY) })],
    }),
  });
  if (embedSigner) basic.certs = [signerCert];
  await basic.sign(signer.keys.privateKey, "SHA-256");
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: "1.3.6.1.5.5.7.48.1.1", response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }) }),
  });
  return new Uint8Array(response.toSchema().toBER());
}
