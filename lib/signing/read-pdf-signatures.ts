import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash } from "node:crypto";
import { OID } from "./oids";
import { signedRangesContent } from "./pdf-signature-placeholder";
import { changesAfterSignature, type ChangesAfterSignature } from "./classify-changes-after-signature";
import { indexPdfObjects, type PdfObjectIndex } from "./scan-pdf-objects";
import { readDocumentSecurityStore, type DocumentSecurityStore } from "./read-document-security-store";
import { vriKeyOf } from "./vri-key";
import { readElement } from "./der";

/**
 * Reads and checks the signatures of an untrusted PDF (the public verification page). A byte scanner
 * rather than a full PDF parser: it only needs each signature dictionary's /ByteRange and the bytes
 * that range excludes, plus, for a signature that does not cover the whole file, the objects each later
 * incremental update defines (classify-changes-after-signature.ts says whether those changes are allowed).
 * A crafted file must not hold the server: every scan is linear in the file size
 * (object boundaries are indexed once, then looked up), match counts are capped, and a deadline stops
 * the rest.
 */

export interface PdfSignerCertificate {
  commonName: string;
  subject: string;
  issuer: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  sha256Fingerprint: string;
  certDer: Uint8Array;
}

export interface PdfSignatureInfo {
  /** A signer's signature, or a document timestamp (/SubFilter ETSI.RFC3161: a TSA's token over the byte ranges). */
  kind: "signature" | "document-timestamp";
  fieldName?: string;
  byteRange: number[];
  /** The ranges cover the whole file: nothing was appended after this signature. */
  coversWholeFile: boolean;
  /**
   * What the updates after this signature changed, allowed (later signatures, DSS) or not. Empty when it
   * covers the file, and when its digest does not match (it is invalid whatever follows).
   */
  changesAfter: ChangesAfterSignature;
  /** The CMS messageDigest equals the hash of the signed ranges. */
  digestMatches: boolean;
  /** The CMS signature over the signed attributes verifies with the signer's public key. */
  signatureVerified: boolean;
  /** digestMatches && signatureVerified. */
  valid: boolean;
  signer?: PdfSignerCertificate;
  /** Certificate signed by the CA passed in `options.caCertDer`; undefined when no CA was given. */
  issuedByCa?: boolean;
  /** Not the CA's, but chains to a trust anchor through `options.trustAnchor` (a government CA on the trust list). */
  issuedByTrustAnchor?: boolean;
  /** The dictionary's /M (claimed by the signer, not proven). */
  signingTime?: Date;
  /** genTime of an RFC 3161 signature time-stamp whose imprint matches this signature. */
  timestampTime?: Date;
  /**
   * The time-stamp's TSA certificate has EKU timeStamping and was issued by `options.caCertDer`: only then is
   * timestampTime a proof of existence rather than a claim. undefined when there is no verified time-stamp.
   */
  timestampTrusted?: boolean;
  /** The TSA certificate of the (signature or document) time-stamp. */
  timestampCertificate?: PdfSignerCertificate;
  /** The file's Document Security Store (the same for every signature), when its last revision has one. */
  dss?: DocumentSecurityStore;
  /** The DSS has a VRI entry for this signature: validation data was added for it (PAdES B-LT). */
  inDss?: boolean;
  subFilter?: string;
  name?: string;
  reason?: string;
  location?: string;
  /** Why the signature is not valid, in plain words (English; the page translates). */
  problems: string[];
}

export type PdfSignatureReadErrorCode = "too-large" | "not-a-pdf" | "damaged" | "too-many-signatures" | "too-many-pages" | "too-complex";

export class PdfSignatureReadError extends Error {
  override name = "PdfSignatureReadError";
  constructor(
    readonly code: PdfSignatureReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether a certificate the city CA did not issue chains, through `chainDer` (the certificates its CMS carries),
 * to an enabled trust anchor (the government's CAs on the trust list) as of `at`. Given by the caller, which
 * holds the trust list; without it only the city CA is trusted.
 */
export type TrustAnchorCheck = (certDer: Uint8Array, chainDer: Uint8Array[], at: Date) => Promise<boolean>;

/** The CA (city CA) a certificate is trusted by: its signature, else a trust anchor through `trustAnchor`. */
interface Trust {
  ca: pkijs.Certificate;
  anchor?: TrustAnchorCheck;
}

export interface ReadPdfSignaturesOptions {
  caCertDer?: Uint8Array;
  trustAnchor?: TrustAnchorCheck;
  maxBytes?: number;
  maxSignatures?: number;
  maxPages?: number;
  /** Wall-clock budget for the whole check. */
  timeLimitMs?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_SIGNATURES = 20;
const DEFAULT_MAX_PAGES = 1000;
const DEFAULT_TIME_LIMIT_MS = 10_000;
/** /ByteRange or /V occurrences looked at, counting superseded revisions of the same dictionary. */
const MAX_REFERENCES = 1000;
const MAX_CMS_BYTES = 512 * 1024;
const DIGESTS: Record<string, { node: string; web: string }> = {
  [OID.sha256]: { node: "sha256", web: "SHA-256" },
  "2.16.840.1.101.3.4.2.2": { node: "sha384", web: "SHA-384" },
  "2.16.840.1.101.3.4.2.3": { node: "sha512", web: "SHA-512" },
};

const latin1 = new TextDecoder("latin1");

export async function readPdfSignatures(
  pdf: Uint8Array,
  options: ReadPdfSignaturesOptions = {},
): Promise<PdfSignatureInfo[]> {
  if (pdf.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) throw new PdfSignatureReadError("too-large", "File is too large");
  const text = latin1.decode(pdf);
  if (!text.slice(0, 1024).includes("%PDF-")) throw new PdfSignatureReadError("not-a-pdf", "Not a PDF file");
  // Every complete PDF (and every complete update) ends with %%EOF; readers look for it in the last 1 KB.
  // Without it the file was cut short, and whatever signatures it had may be in the missing part.
  if (!text.slice(-1024).includes("%%EOF")) throw new PdfSignatureReadError("damaged", "The file is truncated or corrupted");
  const deadline = performance.now() + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const checkDeadline = () => {
    if (performance.now() > deadline) throw new PdfSignatureReadError("too-complex", "The file took too long to check");
  };
  const tooComplex = (): never => {
    throw new PdfSignatureReadError("too-complex", "The file has too many objects to compare its revisions");
  };

  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (countUpTo(text, /\/Type\s*\/Page(?![A-Za-z])/g, maxPages + 1) > maxPages) {
    throw new PdfSignatureReadError("too-many-pages", "Too many pages");
  }
  const objects = indexObjects(text);
  const dictionaries = findSignatureDictionaries(text, objects, options.maxSignatures ?? DEFAULT_MAX_SIGNATURES, checkDeadline);
  // The CA certificate is the caller's own trusted input: a broken one is a bug, so let it throw.
  const ca = options.caCertDer ? { ca: pkijs.Certificate.fromBER(new Uint8Array(options.caCertDer)), anchor: options.trustAnchor } : undefined;
  const results: PdfSignatureInfo[] = [];
  // Built only when some signature leaves bytes after it: a file signed last needs no comparison.
  let revisions: PdfObjectIndex | undefined;
  for (const dictionary of dictionaries) {
    checkDeadline();
    const info = await checkSignature(pdf, text, objects, dictionary, ca);
    const [, , start2 = 0, length2 = 0] = info.byteRange;
    if (!info.coversWholeFile && info.digestMatches) {
      revisions ??= indexPdfObjects(text, checkDeadline, tooComplex);
      info.changesAfter = changesAfterSignature(revisions, start2 + length2, checkDeadline);
    }
    results.push(info);
  }
  // A DSS is always added after a signature, so a file that has one has this index already.
  const dss = revisions && readDocumentSecurityStore(revisions, pdf.length);
  if (dss) for (const info of results) Object.assign(info, { dss, inDss: dss.vriKeys.has(vriKeyOf(pdf, info.byteRange)) });
  return results;
}

function countUpTo(text: string, pattern: RegExp, limit: number): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) if (++count >= limit) break;
  return count;
}

/** Where every " obj" header and "endobj" is, ascending: found once, so each lookup is a binary search. */
interface ObjectIndex {
  starts: number[];
  ends: number[];
}

function indexObjects(text: string): ObjectIndex {
  const positions = (needle: string) => {
    const found: number[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
    return found;
  };
  return { starts: positions(" obj"), ends: positions("endobj") };
}

/** Index of the first position in `sorted` that is at or after `at` (binary search). */
function lowerBound(sorted: number[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last position in `sorted` before `at`, or -1. */
const lastBefore = (sorted: number[], at: number): number => sorted[lowerBound(sorted, at) - 1] ?? -1;

/** The first position in `sorted` at or after `at`, or -1. */
const firstFrom = (sorted: number[], at: number): number => sorted[lowerBound(sorted, at)] ?? -1;

interface SignatureDictionary {
  objectId?: string;
  body: string;
  byteRange: number[];
}

// Each "/ByteRange [a b c d]" inside an indirect object; the object header gives the reference that a
// field's /V points to. One signature is one byte range: a later revision of the same dictionary, or a
// copy of it under another object number, is the same signature (the first definition is kept).
function findSignatureDictionaries(text: string, objects: ObjectIndex, maxSignatures: number, checkDeadline: () => void): SignatureDictionary[] {
  const found = new Map<string, SignatureDictionary>();
  const pattern = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g;
  let seen = 0;
  for (const match of text.matchAll(pattern)) {
    if (++seen > MAX_REFERENCES || found.size > maxSignatures) {
      throw new PdfSignatureReadError("too-many-signatures", "Too many signatures to check");
    }
    checkDeadline();
    const at = match.index;
    const objStart = lastBefore(objects.starts, at);
    const header = objStart >= 0 ? /(\d+)\s+(\d+)\s*$/.exec(text.slice(Math.max(0, objStart - 24), objStart)) : null;
    const endAt = firstFrom(objects.ends, at);
    // A dictionary holds at most a /Contents of MAX_CMS_BYTES in hex plus a few short entries.
    const reach = MAX_CMS_BYTES * 2 + 65_536;
    const body = text.slice(Math.max(objStart >= 0 ? objStart : at - 4096, at - reach, 0), Math.min(endAt >= 0 ? endAt : at + 4096, at + reach));
    const objectId = header ? `${header[1]} ${header[2]}` : undefined;
    const byteRange = match.slice(1, 5).map(Number);
    const key = byteRange.join(" ");
    if (!found.has(key)) found.set(key, { objectId, body, byteRange });
  }
  if (found.size > maxSignatures) throw new PdfSignatureReadError("too-many-signatures", "Too many signatures to check");
  return [...found.values()];
}

async function checkSignature(
  pdf: Uint8Array,
  text: string,
  objects: ObjectIndex,
  dictionary: SignatureDictionary,
  ca: Trust | undefined,
): Promise<PdfSignatureInfo> {
  const { body, byteRange } = dictionary;
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(body)?.[1];
  const info: PdfSignatureInfo = {
    kind: subFilter === "ETSI.RFC3161" ? "document-timestamp" : "signature",
    fieldName: dictionary.objectId ? fieldNameFor(text, objects, dictionary.objectId) : undefined,
    byteRange,
    coversWholeFile: false,
    changesAfter: { allowed: [], disallowed: [] },
    digestMatches: false,
    signatureVerified: false,
    valid: false,
    signingTime: parsePdfDate(pdfStringValue(body, "M")),
    subFilter,
    name: pdfStringValue(body, "Name"),
    reason: pdfStringValue(body, "Reason"),
    location: pdfStringValue(body, "Location"),
    problems: [],
  };
  const [start1, length1, start2, length2] = byteRange as [number, number, number, number];
  if (start1 !== 0 || start2 < length1 + 2 || start2 + length2 > pdf.length) {
    info.problems.push("ByteRange is malformed or points outside the file");
    return info;
  }
  info.coversWholeFile = start2 + length2 === pdf.length;
  try {
    const cms = extractSignatureCms(pdf, byteRange);
    const contentInfo = pkijs.ContentInfo.fromBER(cms);
    if (contentInfo.contentType !== OID.signedData) throw new Error("not SignedData");
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    if (info.kind === "document-timestamp") {
      await checkDocumentTimestamp(info, signedData, signedRangesContent(pdf, byteRange), ca);
      return info;
    }
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) throw new Error("no SignerInfo");
    const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const signerCert = findSignerCertificate(signerInfo, certificates);
    if (!signerCert) throw new Error("signer certificate not embedded");
    info.signer = describeCertificate(signerCert);

    const digest = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
    if (!digest) throw new Error(`unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
    const signedAttrs = signerInfo.signedAttrs;
    if (!signedAttrs) throw new Error("no signed attributes");
    const messageDigest = signedAttrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
    const actual = createHash(digest.node).update(signedRangesContent(pdf, byteRange)).digest();
    info.digestMatches =
      messageDigest instanceof asn1js.OctetString && Buffer.compare(messageDigest.valueBlock.valueHexView, actual) === 0;
    if (!info.digestMatches) info.problems.push("The document was changed after signing (digest mismatch)");

    // The signature covers the attributes as originally encoded, re-tagged as a universal SET.
    const toVerify = new Uint8Array(signedAttrs.encodedValue);
    toVerify[0] = 0x31;
    info.signatureVerified = await pkijs
      .getCrypto(true)
      .verifyWithPublicKey(toVerify, signerInfo.signature, signerCert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, digest.web)
      .catch(() => false);
    if (!info.signatureVerified) info.problems.push("The cryptographic signature does not verify");

    const stamp = await verifyTimestampToken(timestampTokenOf(signerInfo), signerInfo.signature.valueBlock.valueHexView, ca);
    if (stamp) Object.assign(info, stamp);
    if (ca) {
      info.issuedByCa = await signerCert.verify(ca.ca).catch(() => false);
      // A token's or remote-signing key's certificate from a CA on the trust list, as of the signature's time.
      const at = (stamp?.timestampTrusted ? stamp.timestampTime : undefined) ?? info.signingTime ?? new Date();
      if (!info.issuedByCa) info.issuedByTrustAnchor = await trustedByAnchor(ca, signerCert, certificates, at);
      if (!info.issuedByCa && !info.issuedByTrustAnchor) info.problems.push("The certificate was not issued by the expected CA");
    }
  } catch (error) {
    info.problems.push(`The signature data is unreadable (${error instanceof Error ? error.message : "malformed"})`);
  }
  info.valid = info.digestMatches && info.signatureVerified;
  return info;
}

/** The CMS (DER, without the zero padding) in the gap a /ByteRange leaves; throws if the gap is not one. */
export function extractSignatureCms(pdf: Uint8Array, byteRange: readonly number[]): Uint8Array<ArrayBuffer> {
  const [, length1 = 0, start2 = 0] = byteRange;
  const gap = latin1.decode(pdf.subarray(length1, start2));
  if (!/^<[0-9A-Fa-f\s]*>$/.test(gap) || gap.length > MAX_CMS_BYTES * 2 + 2) {
    throw new Error("the excluded range is not a hexadecimal /Contents string");
  }
  const bytes = new Uint8Array(Buffer.from(gap.slice(1, -1).replace(/\s/g, ""), "hex"));
  return bytes.slice(0, encodedLength(bytes));
}

/** The length of the CMS before /Contents' zero padding: from its DER header, or a BER parse for an indefinite length. */
function encodedLength(bytes: Uint8Array): number {
  try {
    return readElement(bytes).raw.length;
  } catch {
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset === -1) throw new Error("not DER");
    return parsed.offset;
  }
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer));
  }
  // SubjectKeyIdentifier form: [0] IMPLICIT OCTET STRING.
  const keyId = Buffer.from((sid as asn1js.Primitive).valueBlock?.valueHexView ?? []);
  return certificates.find((c) => {
    const ski = c.extensions?.find((e) => e.extnID === "2.5.29.14")?.parsedValue;
    return ski instanceof asn1js.OctetString && Buffer.compare(ski.valueBlock.valueHexView, keyId) === 0;
  });
}

const NAME_LABELS: Record<string, string> = {
  "2.5.4.6": "C",
  "2.5.4.8": "ST",
  "2.5.4.7": "L",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "T",
  "2.5.4.3": "CN",
  "1.2.840.113549.1.9.1": "E",
};

function describeName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${NAME_LABELS[tv.type] ?? tv.type}=${tv.value.valueBlock.value}`)
    .join(", ");
}

function describeCertificate(cert: pkijs.Certificate): PdfSignerCertificate {
  const certDer = new Uint8Array(cert.toSchema().toBER());
  const commonName = cert.subject.typesAndValues.find((tv) => tv.type === "2.5.4.3")?.value.valueBlock.value ?? "";
  return {
    commonName: String(commonName),
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    serialHex: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString("hex").replace(/^00(?=[89a-f])/, ""),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    sha256Fingerprint: createHash("sha256").update(certDer).digest("hex"),
    certDer,
  };
}

function timestampTokenOf(signerInfo: pkijs.SignerInfo): pkijs.SignedData | undefined {
  const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
  if (!attribute?.values[0]) return undefined;
  return new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: attribute.values[0] }).content });
}

type VerifiedTimestamp = Required<Pick<PdfSignatureInfo, "timestampTime" | "timestampTrusted">> & Pick<PdfSignatureInfo, "timestampCertificate">;

/**
 * A time-stamp token whose CMS signature verifies and whose imprint is the hash of `data` (the signature
 * value for a signature time-stamp, the signed ranges for a document time-stamp); undefined otherwise.
 * Trusted only when its certificate is a time-stamping certificate (EKU, RFC 3161 §2.3) issued by the CA.
 */
async function verifyTimestampToken(token: pkijs.SignedData | undefined, data: Uint8Array, ca: Trust | undefined): Promise<VerifiedTimestamp | undefined> {
  const eContent = token?.encapContentInfo.eContent;
  if (!token || token.encapContentInfo.eContentType !== OID.tstInfo || !eContent) return undefined;
  // For a TSTInfo, pkijs checks the message imprint against `data` as well.
  const verified = await token.verify({ signer: 0, checkChain: false, data: data.slice().buffer }).catch(() => false);
  if (!verified) return undefined;
  const certificates = (token.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const tsaCert = token.signerInfos[0] ? findSignerCertificate(token.signerInfos[0], certificates) : undefined;
  const timeStamping = tsaCert?.extensions?.find((e) => e.extnID === "2.5.29.37")?.parsedValue as pkijs.ExtKeyUsage | undefined;
  const timestampTime = pkijs.TSTInfo.fromBER(eContent.getValue()).genTime;
  // The built-in TSA's certificate is the city CA's; a configured one (the national TSA) chains to the trust list.
  const chained = tsaCert && ca ? (await tsaCert.verify(ca.ca).catch(() => false)) || (await trustedByAnchor(ca, tsaCert, certificates, timestampTime)) : false;
  return {
    timestampTime,
    timestampTrusted: chained && (timeStamping?.keyPurposes.includes(OID.timeStamping) ?? false),
    timestampCertificate: tsaCert ? describeCertificate(tsaCert) : undefined,
  };
}

/** A document time-stamp is valid when its token verifies over the signed ranges; its TSA stands as the signer. */
async function checkDocumentTimestamp(info: PdfSignatureInfo, token: pkijs.SignedData, signedRanges: Uint8Array, ca: Trust | undefined) {
  const stamp = await verifyTimestampToken(token, signedRanges, ca);
  info.digestMatches = info.signatureVerified = info.valid = stamp !== undefined;
  if (!stamp) {
    info.problems.push("The document was changed after signing (digest mismatch)");
    return;
  }
  Object.assign(info, stamp);
  info.signer = stamp.timestampCertificate;
  info.issuedByCa = stamp.timestampTrusted;
  if (!stamp.timestampTrusted) info.problems.push("The certificate was not issued by the expected CA");
}

function trustedByAnchor(trust: Trust, cert: pkijs.Certificate, carried: pkijs.Certificate[], at: Date): Promise<boolean> {
  if (!trust.anchor) return Promise.resolve(false);
  const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER());
  return trust.anchor(der(cert), carried.filter((c) => c !== cert).map(der), at).catch(() => false);
}

/** The /T of the field whose /V references the signature object (merged field-widget or parent field). */
function fieldNameFor(text: string, objects: ObjectIndex, objectId: string): string | undefined {
  const reference = new RegExp(`/V\\s*${objectId.replace(" ", "\\s+")}\\s+R\\b`, "g");
  let name: string | undefined;
  let seen = 0;
  for (const match of text.matchAll(reference)) {
    if (++seen > MAX_REFERENCES) break;
    const objStart = lastBefore(objects.starts, match.index);
    const endAt = firstFrom(objects.ends, match.index);
    if (objStart < 0 || endAt < 0) continue;
    name = pdfStringValue(text.slice(objStart, endAt), "T") ?? name;
  }
  return name;
}

/** A string entry, hex (<FEFF…> UTF-16BE) or literal, decoded to text. */
function pdfStringValue(body: string, key: string): string | undefined {
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]{0,4096})>`).exec(body);
  if (hex) return decodePdfText(Buffer.from(hex[1]!.replace(/\s/g, ""), "hex"));
  const literal = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)]){0,2048})\\)`).exec(body);
  if (!literal) return undefined;
  const unescaped = literal[1]!.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" }[c] ?? c),
  );
  return decodePdfText(Buffer.from(unescaped, "latin1"));
}

function decodePdfText(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return bytes.toString("latin1");
}

/** D:YYYYMMDDHHmmSS with an optional Z / ±HH'mm' offset. */
function parsePdfDate(value: string | undefined): Date | undefined {
  const match = value && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!match) return undefined;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", zone = "Z"] = match;
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.replace(/'/g, "").slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
