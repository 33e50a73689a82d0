import "reflect-metadata";
import { createHash } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { revocationPointers } from "@/lib/revocation/public-url";

/**
 * The city's own certificate authority (demo, tests, self-hosting). In production a licensed CA
 * issues the certificates; everything downstream only sees DER certificates and a Signer.
 * Keys are ECDSA P-256 (0.1 ms to generate, small signatures) via WebCrypto.
 */

const KEY_ALGORITHM: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
const SIGNING_ALGORITHM: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };
// Certificates start slightly in the past so a server whose clock lags a little still accepts them.
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DOCUMENT_SIGNING_EKU = "1.3.6.1.4.1.311.10.3.12";

export const CITY_ORGANIZATION = "UBND thành phố Phan Thiết";

x509.cryptoProvider.set(globalThis.crypto);

/** A certificate with its private key, as stored (key encrypted) by the caller. */
export interface IssuedCertificate {
  certDer: Uint8Array;
  certPem: string;
  /** PKCS#8 DER; encrypt with `encryptPrivateKey` before storing. */
  privateKeyPkcs8: Uint8Array;
  /** RFC 4514 string, for display and search. */
  subject: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Lowercase hex SHA-256 of the DER. */
  sha256Fingerprint: string;
}

export interface CreateCityCaOptions {
  commonName: string;
  organization?: string;
  locality?: string;
  stateOrProvince?: string;
  country?: string;
  validityYears?: number;
  now?: Date;
}

/** The CA as needed to issue: its certificate and its (decrypted) key. */
export interface CityCaKey {
  certDer: Uint8Array;
  privateKeyPkcs8: Uint8Array;
}

export interface IssueUserCertificateOptions {
  fullName: string;
  jobTitle: string;
  unitName: string;
  email?: string;
  /** Hex; random 128-bit positive serial when omitted. */
  serial?: string;
  /** 1–5; clipped to the CA's own expiry. */
  validityYears?: number;
  now?: Date;
}

// UTF8String for every text attribute (PrintableString would reject Vietnamese; node-forge's
// mis-encoding of exactly this broke verification elsewhere). C stays PrintableString as X.520 requires.
function text(value: string) {
  return [{ utf8String: value.normalize("NFC") }];
}

export async function createCityCa(options: CreateCityCaOptions): Promise<IssuedCertificate> {
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - CLOCK_SKEW_MS);
  const notAfter = addYears(now, options.validityYears ?? 10);
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]);
  const name = new x509.Name([
    { C: [{ printableString: options.country ?? "VN" }] },
    { ST: text(options.stateOrProvince ?? "Bình Thuận") },
    { L: text(options.locality ?? "Phan Thiết") },
    { O: text(options.organization ?? CITY_ORGANIZATION) },
    { CN: text(options.commonName) },
  ]);
  const cert = await x509.X509CertificateGenerator.create({
    subject: name,
    issuer: name,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    notBefore,
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return describe(cert, keys.privateKey);
}

export async function issueUserCertificate(
  ca: CityCaKey,
  options: IssueUserCertificateOptions,
): Promise<IssuedCertificate> {
  checkIssueOptions(options);
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]);
  return describe(await createUserCertificate(ca, options, keys.publicKey), keys.privateKey);
}

/**
 * An issuing body's own certificate (Decree 30 Art. 5.1: the organisation's digital signature), subject
 * O = CN = the body's official name; otherwise the same profile, key type and validity rules as a person's.
 */
export async function issueOrganisationCertificate(ca: CityCaKey, options: { name: string; validityYears?: number; now?: Date }): Promise<IssuedCertificate> {
  checkIssueOptions(options);
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]);
  const subject = new x509.Name([{ C: [{ printableString: "VN" }] }, { O: text(options.name) }, { CN: text(options.name) }]);
  return describe(await createCertificate(ca, options, subject, keys.publicKey), keys.privateKey);
}

/** A user certificate whose key the city never holds (a token's, a .p12's): what the CA signed, without a key. */
export type IssuedExternalCertificate = Omit<IssuedCertificate, "privateKeyPkcs8">;

/**
 * The same certificate issueUserCertificate makes (subject, extensions, validity), for a public key made
 * elsewhere — e.g. generated on a USB token — given as SubjectPublicKeyInfo DER (EC P-256 or RSA).
 */
export async function issueUserCertificateForPublicKey(
  ca: CityCaKey,
  spkiDer: Uint8Array,
  options: IssueUserCertificateOptions,
): Promise<IssuedExternalCertificate> {
  checkIssueOptions(options);
  const publicKey = await importPublicKey(spkiDer);
  const { privateKeyPkcs8: _none, ...issued } = await describe(await createUserCertificate(ca, options, publicKey));
  return issued;
}

function checkIssueOptions(options: Pick<IssueUserCertificateOptions, "validityYears" | "serial">): void {
  const validityYears = options.validityYears ?? 2;
  if (!(validityYears > 0 && validityYears <= 5)) throw new RangeError("validityYears must be in (0, 5]");
  if (options.serial !== undefined && !/^[0-9a-f]{2,40}$/i.test(options.serial)) {
    throw new RangeError("serial must be 1–20 bytes of hex");
  }
}

async function importPublicKey(spkiDer: Uint8Array): Promise<CryptoKey> {
  const spki = new Uint8Array(spkiDer);
  try {
    return await crypto.subtle.importKey("spki", spki, KEY_ALGORITHM, true, ["verify"]);
  } catch {
    try {
      return await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["verify"]);
    } catch {
      throw new RangeError("the public key is neither EC P-256 nor RSA SubjectPublicKeyInfo DER");
    }
  }
}

function createUserCertificate(ca: CityCaKey, options: IssueUserCertificateOptions, publicKey: CryptoKey): Promise<x509.X509Certificate> {
  const subject = new x509.Name([
    { C: [{ printableString: "VN" }] },
    { O: text(CITY_ORGANIZATION) },
    { OU: text(options.unitName) },
    { T: text(options.jobTitle) },
    { CN: text(options.fullName) },
  ]);
  return createCertificate(ca, options, subject, publicKey);
}

/** What a certificate may be used for; people and issuing bodies share the document-signing profile. */
interface CertificateProfile {
  keyUsage: number;
  extendedKeyUsage: string[];
  /** RFC 3161 §2.3: a TSA certificate's EKU must be critical. */
  extendedKeyUsageCritical?: boolean;
  /** RFC 6960 §4.2.2.2.1 id-pkix-ocsp-nocheck: a responder certificate is not itself checked for revocation. */
  ocspNoCheck?: boolean;
}

const DOCUMENT_SIGNING: CertificateProfile = {
  keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
  extendedKeyUsage: [x509.ExtendedKeyUsage.emailProtection, DOCUMENT_SIGNING_EKU],
};
const OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";
const DER_NULL = new Uint8Array([0x05, 0x00]);

async function createCertificate(
  ca: CityCaKey,
  options: Pick<IssueUserCertificateOptions, "validityYears" | "now" | "serial" | "email"> & { validityMs?: number },
  subject: x509.Name,
  publicKey: CryptoKey,
  profile: CertificateProfile = DOCUMENT_SIGNING,
): Promise<x509.X509Certificate> {
  const validityYears = options.validityYears ?? 2;
  const caCert = new x509.X509Certificate(new Uint8Array(ca.certDer));
  const caKey = await crypto.subtle.importKey("pkcs8", new Uint8Array(ca.privateKeyPkcs8), KEY_ALGORITHM, false, ["sign"]);
  const now = options.now ?? new Date();
  const notBefore = new Date(Math.max(now.getTime() - CLOCK_SKEW_MS, caCert.notBefore.getTime()));
  const end = options.validityMs !== undefined ? new Date(now.getTime() + options.validityMs) : addYears(now, validityYears);
  const notAfter = new Date(Math.min(end.getTime(), caCert.notAfter.getTime()));
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(profile.keyUsage, true),
    new x509.ExtendedKeyUsageExtension(profile.extendedKeyUsage, profile.extendedKeyUsageCritical ?? false),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(caCert),
  ];
  if (options.email) {
    extensions.push(new x509.SubjectAlternativeNameExtension([{ type: "email", value: options.email }]));
  }
  if (profile.ocspNoCheck) extensions.push(new x509.Extension(OCSP_NO_CHECK, false, DER_NULL));
  // Where anyone can check this certificate's status (issue 15), when the deployment has a public address.
  const pointers = profile.ocspNoCheck ? null : revocationPointers();
  if (pointers) {
    extensions.push(
      new x509.CRLDistributionPointsExtension([pointers.crl]),
      new x509.AuthorityInfoAccessExtension({ ocsp: [pointers.ocsp], caIssuers: [pointers.caIssuers] }),
    );
  }
  return x509.X509CertificateGenerator.create({
    subject,
    // The CA's encoded name verbatim: issuer/subject must match byte for byte for chain building.
    issuer: caCert.subjectName,
    publicKey,
    signingKey: caKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    serialNumber: options.serial,
    notBefore,
    notAfter,
    extensions,
  });
}

/** The deployment's own services, each with a certificate from the city CA for exactly one purpose. */
export const SERVICE_PROFILES = {
  /** The delegated OCSP responder (RFC 6960 §4.2.2.2), short-lived and never itself checked. */
  ocsp: { keyUsage: x509.KeyUsageFlags.digitalSignature, extendedKeyUsage: ["1.3.6.1.5.5.7.3.9"], ocspNoCheck: true },
  /** The built-in time-stamping authority (RFC 3161 §2.3). */
  tsa: { keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, extendedKeyUsage: ["1.3.6.1.5.5.7.3.8"], extendedKeyUsageCritical: true },
} satisfies Record<string, CertificateProfile>;

/** A service certificate (OCSP responder, TSA) with a new key, subject C=VN, O=city, CN=`commonName`. */
export async function issueServiceCertificate(
  ca: CityCaKey,
  options: { commonName: string; purpose: keyof typeof SERVICE_PROFILES; validityMs: number; now?: Date },
): Promise<IssuedCertificate> {
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]);
  const subject = new x509.Name([{ C: [{ printableString: "VN" }] }, { O: text(CITY_ORGANIZATION) }, { CN: text(options.commonName) }]);
  return describe(await createCertificate(ca, options, subject, keys.publicKey, SERVICE_PROFILES[options.purpose]), keys.privateKey);
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + Math.round(years * 12));
  return result;
}

async function describe(cert: x509.X509Certificate, privateKey?: CryptoKey): Promise<IssuedCertificate> {
  const certDer = new Uint8Array(cert.rawData);
  return {
    certDer,
    certPem: cert.toString("pem") + "\n",
    privateKeyPkcs8: privateKey ? new Uint8Array(await crypto.subtle.exportKey("pkcs8", privateKey)) : new Uint8Array(0),
    subject: cert.subject,
    serialHex: cert.serialNumber.toLowerCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    sha256Fingerprint: createHash("sha256").update(certDer).digest("hex"),
  };
}
