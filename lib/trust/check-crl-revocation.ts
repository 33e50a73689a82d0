import { normalizeSerial, x509, type ParsedCertificate } from "./certificates";
import { readSignedCrl, type SignedCrl } from "./read-signed-crl";

/** How long a CRL download may take, and how large it may be. */
export const CRL_TIMEOUT_MS = 5_000;
export const MAX_CRL_BYTES = 5 * 1024 * 1024;
/** A CRL with no nextUpdate is kept this long. */
const DEFAULT_CRL_TTL_MS = 60 * 60_000;
const MAX_CACHED_CRLS = 200;

export type UnknownReason = "none" | "unreachable" | "tooLarge" | "malformed" | "badSignature" | "stale" | "ocsp";

/** The OCSP response or CRL (DER) an answer rests on: embedded in the signed PDF's DSS, so it can be checked later. */
export type RevocationEvidence = { kind: "ocsp" | "crl"; der: Uint8Array };

export type RevocationCheck =
  | { status: "GOOD"; url: string; evidence: RevocationEvidence }
  | { status: "REVOKED"; url: string; revokedAt: Date; evidence: RevocationEvidence }
  | { status: "UNKNOWN"; reason: UnknownReason; url?: string };

type CachedCrl = SignedCrl & { expiresAt: number; der: Uint8Array };

/** Verified CRLs by issuer and URL, kept until their nextUpdate. */
const cache = new Map<string, CachedCrl>();

/** For tests: forget every cached CRL. */
export function clearCrlCache(): void {
  cache.clear();
}

/** The http(s) CRL distribution points a certificate names. */
export function crlUrlsOf(cert: ParsedCertificate): string[] {
  const ext = cert.cert.getExtension(x509.CRLDistributionPointsExtension);
  if (!ext) return [];
  const urls: string[] = [];
  for (const point of ext.distributionPoints) {
    for (const name of point.distributionPoint?.fullName ?? []) {
      const uri = name.uniformResourceIdentifier;
      if (uri && /^https?:\/\//i.test(uri)) urls.push(uri);
    }
  }
  return urls;
}

/**
 * Looks the leaf up in the first CRL it names that can be fetched and whose signature verifies with the
 * issuer's key and whose thisUpdate/nextUpdate cover `now`. A CRL signed by any other key is no proof
 * either way. UNKNOWN (with the reason of the last URL tried) when none can be used.
 */
export async function checkCrlRevocation(leaf: ParsedCertificate, issuer: ParsedCertificate, now: Date): Promise<RevocationCheck> {
  const urls = crlUrlsOf(leaf);
  if (urls.length === 0) return { status: "UNKNOWN", reason: "none" };
  let last: RevocationCheck = { status: "UNKNOWN", reason: "none" };
  for (const url of urls.slice(0, 3)) {
    const crl = await verifiedCrl(url, issuer, now);
    if ("reason" in crl) {
      last = { status: "UNKNOWN", reason: crl.reason, url };
      continue;
    }
    const revokedAt = crl.revokedSerials.get(normalizeSerial(leaf.serialHex));
    const evidence = { kind: "crl", der: crl.der } as const;
    return revokedAt ? { status: "REVOKED", url, revokedAt, evidence } : { status: "GOOD", url, evidence };
  }
  return last;
}

async function verifiedCrl(url: string, issuer: ParsedCertificate, now: Date): Promise<CachedCrl | { reason: UnknownReason }> {
  const key = `${issuer.sha256Fingerprint} ${url}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now.getTime() && cached.crl.thisUpdate.getTime() <= now.getTime()) return cached;
  if (cached) cache.delete(key);

  const downloaded = await download(url);
  if ("reason" in downloaded) return downloaded;
  const signed = await readSignedCrl(downloaded.bytes, issuer);
  // A CRL under another issuer's name is, for this certificate, as unsigned as one with a forged signature.
  if ("reason" in signed) return { reason: signed.reason === "malformed" ? "malformed" : "badSignature" };
  const { crl, revokedSerials } = signed;
  const nextUpdate = crl.nextUpdate;
  // Expired (nextUpdate in the past) or not yet issued: refused as stale, with the URL in the message.
  if (crl.thisUpdate.getTime() > now.getTime() || (nextUpdate && nextUpdate.getTime() < now.getTime())) return { reason: "stale" };

  const entry: CachedCrl = { crl, revokedSerials, der: downloaded.bytes, expiresAt: nextUpdate ? nextUpdate.getTime() : now.getTime() + DEFAULT_CRL_TTL_MS };
  if (cache.size >= MAX_CACHED_CRLS) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
  return entry;
}

async function download(url: string): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { reason: UnknownReason }> {
  try {
    const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(CRL_TIMEOUT_MS) });
    if (!response.ok || !response.body) return { reason: "unreachable" };
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > MAX_CRL_BYTES) {
      await response.body.cancel().catch(() => undefined);
      return { reason: "tooLarge" };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_CRL_BYTES) {
        await reader.cancel().catch(() => undefined);
        return { reason: "tooLarge" };
      }
      chunks.push(value);
    }
    return { bytes: new Uint8Array(Buffer.concat(chunks)) };
  } catch {
    return { reason: "unreachable" };
  }
}
