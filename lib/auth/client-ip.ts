import type { BlockList } from "node:net";
import { isTrustedProxy, normalizeAddress, trustedProxies } from "./trusted-proxies";

/**
 * The client's address for throttling and the audit log, from headers that guardForwardedHeaders() has
 * already made trustworthy: X-Forwarded-For ends with the TCP peer, and earlier entries are kept only when
 * that peer is a trusted proxy. Walking from the right, every trusted proxy hands over to the entry on its
 * left; the first address that is not a trusted proxy is the client. Entries further left were written by
 * the client itself and are never used.
 */
export function clientIp(forwardedFor: string | null | undefined, realIp?: string | null, proxies: BlockList = trustedProxies()): string | null {
  if (!forwardedFor?.trim()) return normalizeAddress(realIp);
  const hops = forwardedFor.split(",").map(normalizeAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) return null; // a hop a trusted proxy wrote but that is no address: believe nothing further left
    if (i === 0 || !isTrustedProxy(hop, proxies)) return hop;
  }
  return null;
}
