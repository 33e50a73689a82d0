import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/lib/time/vietnam-time";
import { MAX_CERTIFICATE_BYTES, normalizeSerial, parseCertificate, type ParsedCertificate } from "./certificates";
import { checkRevocation } from "./check-revocation";
import { buildPath, loadEnabledAnchors, MAX_CHAIN_DEPTH } from "./build-certificate-path";

/** Certificates a signer may send along with theirs. */
export const MAX_OFFERED_CERTIFICATES = 10;

export type ValidateSigningCertificateInput = {
  certificateDer: Uint8Array;
  offeredChainDer: Uint8Array[];
  now: Date;
  locale?: Locale;
};

export type ValidationFailureCode = "MALFORMED" | "UNTRUSTED" | "NOT_YET_VALID" | "EXPIRED" | "KEY_USAGE" | "REVOKED" | "REVOCATION_UNKNOWN" | "CHAIN_TOO_LONG";

export type SigningCertificateValidation =
  | {
      ok: true;
      /** Issuers, the leaf's issuer first, up to and including the anchor. */
      chainDer: Uint8Array[];
      trustAnchorId: string;
      subject: string;
      issuerSubject: string;
      serialHex: string;
      sha256Fingerprint: string;
      notBefore: Date;
      notAfter: Date;
      revocation: "GOOD" | "UNCHECKED";
      revocationNote?: string;
      /** The OCSP responses and CRLs that answered for the leaf and its CAs: embedded after a signature (B-LT). */
      validationData: { ocsps: Uint8Array[]; crls: Uint8Array[] };
    }
  | { ok: false; code: ValidationFailureCode; message: string };

/** How a failed revocation check is treated: CAMKET_REVOCATION_CHECK=hard refuses, anything else (soft) notes it. */
export const revocationMode = (): "soft" | "hard" => (process.env.CAMKET_REVOCATION_CHECK?.trim().toLowerCase() === "hard" ? "hard" : "soft");


const KEY_USAGE_DIGITAL_SIGNATURE = 1; // x509.KeyUsageFlags.digitalSignature
const KEY_USAGE_NON_REPUDIATION = 2; // x509.KeyUsageFlags.nonRepudiation

/**
 * Whether a signer's certificate may sign: it chains through the offered intermediates to an enabled trust
 * anchor (names matched, every signature verified, every issuer a CA within its path length, at most
 * MAX_CHAIN_DEPTH issuers, loops cut), it and its issuers are valid at `now`, its key usage allows signing,
 * and the OCSP responder or CRL it names (if any) does not report it revoked. The CRL is fetched only once the chain is trusted, so an
 * untrusted certificate cannot make the server fetch an address of its choosing.
 */
export async function validateSigningCertificate(input: ValidateSigningCertificateInput): Promise<SigningCertificateValidation> {
  const m = messagesFor(input.locale).admin.trustList.check;
  const refuse = (code: ValidationFailureCode, message: string) => ({ ok: false as const, code, message });
  const now = input.now;

  if (!(input.certificateDer instanceof Uint8Array) || !Array.isArray(input.offeredChainDer)) return refuse("MALFORMED", m.malformed);
  if (input.offeredChainDer.length > MAX_OFFERED_CERTIFICATES) return refuse("CHAIN_TOO_LONG", formatMessage(m.tooManyOffered, { max: MAX_OFFERED_CERTIFICATES }));
  for (const der of [input.certificateDer, ...input.offeredChainDer]) {
    if (!(der instanceof Uint8Array)) return refuse("MALFORMED", m.malformed);
    if (der.length > MAX_CERTIFICATE_BYTES) return refuse("MALFORMED", m.certificateTooLarge);
  }
  const leaf = parseCertificate(input.certificateDer);
  if (!leaf) return refuse("MALFORMED", m.malformed);
  const offered: ParsedCertificate[] = [];
  for (const der of input.offeredChainDer) {
    const parsed = parseCertificate(der);
    if (!parsed) return refuse("MALFORMED", m.malformed);
    offered.push(parsed);
  }

  const anchors = await loadEnabledAnchors();
  const path = buildPath(leaf, offered, anchors, now);
  if (!path.ok) {
    if (path.reason === "too-long") return refuse("CHAIN_TOO_LONG", formatMessage(m.chainTooLong, { max: MAX_CHAIN_DEPTH }));
    if (path.reason === "issuer-expired") return refuse("EXPIRED", formatMessage(m.issuerExpired, { subject: path.subject ?? "" }));
    return refuse("UNTRUSTED", path.reason === "loop" ? m.loop : m.untrusted);
  }

  if (now.getTime() < leaf.notBefore.getTime()) return refuse("NOT_YET_VALID", formatMessage(m.notYetValid, { date: formatDate(leaf.notBefore) }));
  if (now.getTime() > leaf.notAfter.getTime()) return refuse("EXPIRED", formatMessage(m.expired, { date: formatDate(leaf.notAfter) }));
  const usages = leafKeyUsages(leaf);
  if (usages === undefined || (usages & (KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_NON_REPUDIATION)) === 0) return refuse("KEY_USAGE", m.keyUsage);

  const issuer = path.chain[0]!;
  const revocation = await checkRevocation(leaf, issuer, now);
  let revocationNote: string | undefined;
  if (revocation.status === "REVOKED") return refuse("REVOKED", formatMessage(m.revoked, { date: formatDate(revocation.revokedAt) }));
  const evidence = revocation.status === "GOOD" ? [revocation.evidence] : [];
  // An intermediate CA its issuer has revoked takes its certificates with it; one that names no usable
  // CRL/OCSP is not held against the signer (the leaf's own status decides soft/hard).
  for (let i = 0; i + 1 < path.chain.length; i++) {
    const ca = path.chain[i]!;
    const caStatus = await checkRevocation(ca, path.chain[i + 1]!, now);
    if (caStatus.status === "REVOKED") return refuse("REVOKED", formatMessage(m.issuerRevoked, { subject: ca.subject, date: formatDate(caStatus.revokedAt) }));
    if (caStatus.status === "GOOD") evidence.push(caStatus.evidence);
  }
  if (revocation.status === "UNKNOWN") {
    const reason = formatMessage(m.reasons[revocation.reason], { url: revocation.url ?? "" });
    if (revocationMode() === "hard") return refuse("REVOCATION_UNKNOWN", formatMessage(m.revocationUnknown, { reason }));
    revocationNote = formatMessage(m.revocationUnchecked, { reason });
  }

  return {
    ok: true,
    chainDer: path.chain.map((c) => c.der),
    trustAnchorId: path.anchorId,
    subject: leaf.subject,
    issuerSubject: leaf.issuer,
    serialHex: normalizeSerial(leaf.serialHex),
    sha256Fingerprint: leaf.sha256Fingerprint,
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    revocation: revocation.status === "GOOD" ? "GOOD" : "UNCHECKED",
    ...(revocationNote ? { revocationNote } : {}),
    validationData: {
      ocsps: evidence.filter((e) => e.kind === "ocsp").map((e) => e.der),
      crls: evidence.filter((e) => e.kind === "crl").map((e) => e.der),
    },
  };
}

function leafKeyUsages(leaf: ParsedCertificate): number | undefined {
  try {
    // The extension's OID, read without depending on which class the parser picked.
    const ext = leaf.cert.extensions.find((e) => e.type === "2.5.29.15");
    if (!ext) return undefined;
    return (ext as unknown as { usages?: number }).usages;
  } catch {
    return undefined;
  }
}
