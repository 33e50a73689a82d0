import "reflect-metadata";
import { createHash, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

/**
 * A CA that is *not* the city's: what a test needs to stand in for VGCA or a province's CA — a root, an
 * optional intermediate, end-entity certificates for a public key made elsewhere (a SoftHSM2 token, a
 * .p12, a CSC service), with or without a CRL distribution point, and the CRL itself.
 */

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const EC: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
const SIGN: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };
const DAY = 86_400_000;
/** Attribute types the library has no short name for. */
const NAME_OIDS: Record<string, string> = { UID: "0.9.2342.19200300.100.1.1" };

export interface TestCa {
  certDer: Uint8Array;
  certPem: string;
  subject: string;
  keys: CryptoKeyPair;
  cert: x509.X509Certificate;
}

export interface IssueOptions {
  commonName: string;
  /** Extra subject attributes, e.g. { UID: "CCCD:079…" } to carry a person's identifier. */
  extraSubject?: Record<string, string>;
  notBefore?: Date;
  notAfter?: Date;
  /** Defaults to digitalSignature | nonRepudiation. */
  keyUsage?: x509.KeyUsageFlags;
  /** Adds a CRL distribution point with this URL. */
  crlUrl?: string;
  serialHex?: string;
  /** Makes the certificate a CA (for an intermediate). */
  isCa?: boolean;
}

const pem = (der: Uint8Array) => new x509.X509Certificate(new Uint8Array(der)).toString("pem");

/** A self-signed root (or, with `issuer`, an intermediate under it). */
export async function createTestCa(commonName: string, issuer?: TestCa, now = new Date()): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ["sign", "verify"])) as CryptoKeyPair;
  const name = `C=VN, O=Test Public Service CA, CN=${commonName}`;
  const cert = await x509.X509CertificateGenerator.create({
    subject: name,
    issuer: issuer ? issuer.cert.subject : name,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    signingAlgorithm: SIGN,
    serialNumber: randomSerial(),
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, issuer ? 0 : 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certDer = new Uint8Array(cert.rawData);
  return { certDer, certPem: pem(certDer), subject: cert.subject, keys, cert };
}

/** An end-entity certificate for `publicKey` (a CryptoKey, or SPKI DER from a token). */
export async function issueTestCertificate(ca: TestCa, publicKey: CryptoKey | Uint8Array, options: IssueOptions, now = new Date()): Promise<Uint8Array> {
  const key = publicKey instanceof Uint8Array ? await importSpki(publicKey) : publicKey;
  const subject = new x509.Name([
    { C: [{ printableString: "VN" }] },
    { O: [{ utf8String: "Test Unit" }] },
    ...Object.entries(options.extraSubject ?? {}).map(([type, value]) => ({ [NAME_OIDS[type] ?? type]: [{ utf8String: value }] })),
    { CN: [{ utf8String: options.commonName }] },
  ]);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.isCa ?? false, undefined, true),
    new x509.KeyUsagesExtension(options.keyUsage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    await x509.SubjectKeyIdentifierExtension.create(key),
    await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
  ];
  if (options.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([options.crlUrl]));
  const cert = await x509.X509CertificateGenerator.create({
    subject,
    issuer: ca.cert.subject,
    publicKey: key,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGN,
    serialNumber: options.serialHex ?? randomSerial(),
    notBefore: options.notBefore ?? new Date(now.getTime() - DAY),
    notAfter: options.notAfter ?? new Date(now.getTime() + 365 * DAY),
    extensions,
  });
  return new Uint8Array(cert.rawData);
}

/** A key pair made in WebCrypto and a certificate for it: for tests that need the private key in hand. */
export async function issueTestKeyAndCertificate(ca: TestCa, options: IssueOptions, now = new Date()) {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ["sign", "verify"])) as CryptoKeyPair;
  const certDer = await issueTestCertificate(ca, keys.publicKey, options, now);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return { keys, certDer, pkcs8 };
}

/** A CRL by `ca` listing `revokedSerialsHex`, valid for a week. */
export async function createTestCrl(ca: TestCa, revokedSerialsHex: string[], now = new Date()): Promise<Uint8Array> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate: new Date(now.getTime() - 60_000),
    nextUpdate: new Date(now.getTime() + 7 * DAY),
    entries: revokedSerialsHex.map((serialNumber) => ({ serialNumber, revocationDate: new Date(now.getTime() - 60_000), reason: x509.X509CrlReason.keyCompromise })),
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGN,
  });
  return new Uint8Array(crl.rawData);
}

export const serialOf = (certDer: Uint8Array) => new x509.X509Certificate(new Uint8Array(certDer)).serialNumber.toLowerCase();
export const fingerprintOf = (der: Uint8Array) => createHash("sha256").update(der).digest("hex");

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f;
  bytes[0] |= 0x10;
  return Buffer.from(bytes).toString("hex");
}

async function importSpki(spki: Uint8Array): Promise<CryptoKey> {
  return webcrypto.subtle.importKey("spki", spki, EC, true, ["verify"]) as Promise<CryptoKey>;
}
