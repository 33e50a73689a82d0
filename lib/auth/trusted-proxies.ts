import { BlockList, isIP } from "node:net";

/**
 * The reverse proxies whose X-Forwarded-For we believe: CAMKET_TRUSTED_PROXIES, comma-separated addresses
 * or CIDR ranges ("127.0.0.1, 10.0.0.0/8, ::1"). Empty by default: with no proxy configured, the address
 * is the TCP peer and whatever a client writes into a forwarded header is ignored.
 */
export function parseTrustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`CAMKET_TRUSTED_PROXIES: “${entry}” không phải địa chỉ IP hoặc dải CIDR.`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

let fromEnvironment: BlockList | undefined;
export const trustedProxies = () => (fromEnvironment ??= parseTrustedProxies(process.env.CAMKET_TRUSTED_PROXIES));

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) → "192.0.2.1"; anything not an IP → null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  const address = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 100);
  return address && isIP(address) ? address : null;
}

export function isTrustedProxy(address: string, proxies: BlockList = trustedProxies()): boolean {
  return proxies.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
