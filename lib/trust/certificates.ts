import "reflect-metadata";
import { createHash, webcrypto, X509Certificate as NodeCertificate } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** The largest certificate the trust list and the validator read (a real one is 1–3 KB). */
export const MAX_CERTIFICATE_BYTES = 20 * 1024;

/** One certificate read two ways: @peculiar/x509 for extensions, node:crypto for signature and issuer checks. */
export type ParsedCertificate = {
  der: Uint8Array<ArrayBuffer>;
  cert: x509.X509Certificate;
  node: NodeCertificate;
  subject: string;
  issuer: string;
  serialHex: string;
  sha256Fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints cA. */
  isCa: boolean;
  /** basicConstraints pathLenConstraint, when the certificate states one. */
  pathLength?: number;
  selfSigned: boolean;
};

/**
 * Parsed certificates by SHA-256, reused across validations: a signature validates the same leaf and chain at
 * prepare and again at finalize, and the profile of bench/sign.ts put most of that in parsing (two parsers,
 * plus a self-signature check per certificate). Bounded; a certificate's DER never changes meaning.
 */
const parsedByFingerprint = new Map<string, ParsedCertificate>();
const MAX_PARSED = 1000;

/** Parses DER; undefined when it is not a certificate. */
export function parseCertificate(der: Uint8Array): ParsedCertificate | undefined {
  const fingerprint = sha256Hex(der);
  const known = parsedByFingerprint.get(fingerprint);
  if (known) return known;
  const parsed = parseUncached(der, fingerprint);
  if (parsed) {
    if (parsedByFingerprint.size >= MAX_PARSED) parsedByFingerprint.clear();
    parsedByFingerprint.set(fingerprint, parsed);
  }
  return parsed;
}

function parseUncached(der: Uint8Array, fingerprint: string): ParsedCertificate | undefined {
  try {
    const bytes = new Uint8Array(der);
    const cert = new x509.X509Certificate(bytes);
    const node = new NodeCertificate(Buffer.from(bytes));
    const basic = cert.getExtension(x509.BasicConstraintsExtension);
    let selfSigned = false;
    try {
      selfSigned = node.checkIssued(node) && node.verify(node.publicKey);
    } catch {
      selfSigned = false;
    }
    return {
      der: bytes,
      cert,
      node,
      subject: cert.subject,
      issuer: cert.issuer,
      serialHex: normalizeSerial(cert.serialNumber),
      sha256Fingerprint: fingerprint,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      isCa: basic?.ca === true,
      pathLength: basic?.pathLength,
      selfSigned,
    };
  } catch {
    return undefined;
  }
}

/** True when `issuer` issued `child`: names (and key identifiers) match and the signature verifies. */
export function issuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return child.node.checkIssued(issuer.node) && child.node.verify(issuer.node.publicKey);
  } catch {
    return false;
  }
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** "AB:CD:…", as certificate viewers show it. */
export const formatFingerprint = (hex: string) => hex.toUpperCase().replace(/(..)(?!$)/g, "$1:");

export const normalizeSerial = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, "");

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The certificates in an upload: each PEM block, or the whole thing as DER. */
export function splitCertificates(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString("latin1");
  if (!text.includes("-----BEGIN")) return [bytes];
  return [...text.matchAll(PEM_BLOCK)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/[^A-Za-z0-9+/=]/g, ""), "base64")));
}

export { x509 };
