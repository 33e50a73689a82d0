import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { clientIp } from "./client-ip";
import { guardForwardedHeaders, installForwardedHeadersGuard } from "./forwarded-headers";
import { parseTrustedProxies } from "./trusted-proxies";

const request = (peer: string, headers: Record<string, string>) => ({ socket: { remoteAddress: peer }, headers }) as unknown as http.IncomingMessage;

describe("the client address", () => {
  it("ignores a forged X-Forwarded-For (and X-Real-IP) when no proxy is trusted: the TCP peer is the client", () => {
    const none = parseTrustedProxies(undefined);
    const forged = request("::ffff:203.0.113.7", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-forwarded-host": "evil.example" });
    guardForwardedHeaders(forged, none);
    expect(forged.headers).toEqual({ "x-forwarded-for": "203.0.113.7" });
    expect(clientIp(forged.headers["x-forwarded-for"] as string, null, none)).toBe("203.0.113.7");
  });

  it("honours X-Forwarded-For from a trusted proxy, and only back to the first address that is not a proxy", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8, ::1");
    // The client claimed 6.6.6.6; the proxy at 10.0.0.2 appended the address it really saw.
    const proxied = request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.5" });
    guardForwardedHeaders(proxied, proxies);
    expect(proxied.headers["x-forwarded-for"]).toBe("6.6.6.6, 198.51.100.5, 10.0.0.2");
    expect(clientIp(proxied.headers["x-forwarded-for"] as string, null, proxies)).toBe("198.51.100.5");
    // The same header straight from a client that is not a proxy counts for nothing.
    const direct = request("198.51.100.9", { "x-forwarded-for": "6.6.6.6, 10.0.0.3" });
    guardForwardedHeaders(direct, proxies);
    expect(clientIp(direct.headers["x-forwarded-for"] as string, null, proxies)).toBe("198.51.100.9");
    expect(clientIp("garbage, 10.0.0.3", null, proxies)).toBeNull();
  });

  it("says once, in the server log, when a proxy on this machine forwards requests but is not trusted", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const none = parseTrustedProxies(undefined);
    for (let i = 0; i < 3; i++) guardForwardedHeaders(request("127.0.0.1", { "x-forwarded-for": `198.51.100.${i}` }), none);
    guardForwardedHeaders(request("::1", {}), none);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("CAMKET_TRUSTED_PROXIES=127.0.0.1");
    warn.mockRestore();
  });

  it("refuses a CAMKET_TRUSTED_PROXIES entry that is not an address or range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow("CAMKET_TRUSTED_PROXIES: “proxy.local” không phải địa chỉ IP hoặc dải CIDR.");
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/10\.0\.0\.0\/x/);
  });

  it("once installed, a real HTTP server's handlers see the peer, not the header the client sent", async () => {
    installForwardedHeadersGuard();
    const server = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": "6.6.6.6" } }).then((r) => r.text());
      expect(seen).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
