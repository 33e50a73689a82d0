import { prisma } from "@/lib/db/client";
import { ensureCityCaAnchor } from "./ensure-city-ca-anchor";
import { issuedBy, parseCertificate, type ParsedCertificate } from "./certificates";

/** Issuers between the leaf and the anchor, the anchor included. */
export const MAX_CHAIN_DEPTH = 8;

export type Anchor = { id: string; parsed: ParsedCertificate };

/** The enabled trust anchors (the city CA's always among them), each parsed once per process. */
export async function loadEnabledAnchors(): Promise<Anchor[]> {
  await ensureCityCaAnchor();
  const rows = await prisma.trustAnchor.findMany({ where: { enabled: true }, select: { id: true, certDer: true } });
  const anchors: Anchor[] = [];
  for (const row of rows) {
    // parseCertificate keeps what it parsed, so an anchor is parsed once per process.
    const parsed = parseCertificate(new Uint8Array(row.certDer));
    if (parsed) anchors.push({ id: row.id, parsed });
  }
  return anchors;
}

const validAt = (c: ParsedCertificate, now: Date) => c.notBefore.getTime() <= now.getTime() && now.getTime() <= c.notAfter.getTime();

export type PathResult =
  | { ok: true; chain: ParsedCertificate[]; anchorId: string }
  | { ok: false; reason: "untrusted" | "loop" | "too-long" | "issuer-expired"; subject?: string };

/**
 * Depth-first from the leaf: an enabled anchor that issued the current certificate ends the path; otherwise
 * each offered CA that issued it, not seen before, is tried in turn. A certificate once explored is never
 * explored again, so the search is linear in the offered certificates whatever their links.
 */
export function buildPath(leaf: ParsedCertificate, offered: ParsedCertificate[], anchors: Anchor[], now: Date): PathResult {
  const anchorFingerprints = new Set(anchors.map((a) => a.parsed.sha256Fingerprint));
  const visited = new Set<string>([leaf.sha256Fingerprint]);
  let loop = false;
  let tooLong = false;
  let expiredIssuer: ParsedCertificate | undefined;

  const search = (current: ParsedCertificate, issuers: ParsedCertificate[]): PathResult | undefined => {
    for (const anchor of anchors) {
      if (anchor.parsed.sha256Fingerprint === current.sha256Fingerprint) continue;
      if (!issuedBy(current, anchor.parsed)) continue;
      if (!validAt(anchor.parsed, now)) {
        expiredIssuer ??= anchor.parsed;
        continue;
      }
      return { ok: true, chain: [...issuers, anchor.parsed], anchorId: anchor.id };
    }
    if (issuers.length + 1 >= MAX_CHAIN_DEPTH) {
      if (offered.some((c) => c.sha256Fingerprint !== current.sha256Fingerprint && issuedBy(current, c))) tooLong = true;
      return undefined;
    }
    for (const candidate of offered) {
      if (candidate.sha256Fingerprint === current.sha256Fingerprint || anchorFingerprints.has(candidate.sha256Fingerprint)) continue;
      if (!candidate.isCa || !issuedBy(current, candidate)) continue;
      if (visited.has(candidate.sha256Fingerprint)) {
        loop = true;
        continue;
      }
      visited.add(candidate.sha256Fingerprint);
      if (candidate.pathLength !== undefined && candidate.pathLength < issuers.length) continue;
      if (!validAt(candidate, now)) {
        expiredIssuer ??= candidate;
        continue;
      }
      const found = search(candidate, [...issuers, candidate]);
      if (found) return found;
    }
    return undefined;
  };

  const found = search(leaf, []);
  if (found) return found;
  if (tooLong) return { ok: false, reason: "too-long" };
  if (expiredIssuer) return { ok: false, reason: "issuer-expired", subject: expiredIssuer.subject };
  return { ok: false, reason: loop ? "loop" : "untrusted" };
}
