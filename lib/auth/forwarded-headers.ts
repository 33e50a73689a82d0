import http from "node:http";
import https from "node:https";
import type { BlockList } from "node:net";
import { isTrustedProxy, normalizeAddress, trustedProxies } from "./trusted-proxies";

/** Headers through which a proxy tells the app about the original request; a client can write any of them. */
const FORWARDED = ["x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/**
 * Makes X-Forwarded-For say who really connected, before Next.js sees the request. Next route handlers only
 * get headers, never the socket, and Next fills X-Forwarded-For with the peer only when the client sent none,
 * so a client could otherwise choose the address it is throttled and audited under. From a peer that is not
 * a trusted proxy every forwarded header is dropped and X-Forwarded-For becomes the peer address; from a
 * trusted proxy the chain is kept and the peer appended, as a proxy would (lib/auth/client-ip.ts walks it).
 */
export function guardForwardedHeaders(request: http.IncomingMessage, proxies: BlockList = trustedProxies()): void {
  const peer = normalizeAddress(request.socket?.remoteAddress);
  const headers = request.headers;
  if (peer && isTrustedProxy(peer, proxies)) {
    const chain = [headers["x-forwarded-for"]].flat().filter(Boolean).join(", ");
    headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
    return;
  }
  if (headers["x-forwarded-for"] && peer && isLoopback(peer)) warnProxyNotTrustedOnce(peer);
  for (const name of FORWARDED) delete headers[name];
  if (peer) headers["x-forwarded-for"] = peer;
}

const isLoopback = (address: string) => address === "::1" || address.startsWith("127.");

let warnedProxyNotTrusted = false;
/**
 * A reverse proxy on this machine forwards requests but is not in CAMKET_TRUSTED_PROXIES: every visitor then
 * shares the proxy's address, so one address's sign-in throttle applies to the whole city. Said once.
 */
function warnProxyNotTrustedOnce(peer: string): void {
  if (warnedProxyNotTrusted) return;
  warnedProxyNotTrusted = true;
  console.warn(
    `camket: yêu cầu đến qua proxy tại ${peer} kèm X-Forwarded-For nhưng CAMKET_TRUSTED_PROXIES chưa khai báo địa chỉ này — mọi người dùng bị coi là cùng một địa chỉ (giới hạn đăng nhập sai, nhật ký kiểm toán). Đặt CAMKET_TRUSTED_PROXIES=${peer}.`,
  );
}

const GUARDED = Symbol.for("camket.forwardedHeadersGuarded");

/**
 * Runs guardForwardedHeaders on every request any HTTP(S) server in this process receives. Called once from
 * instrumentation.ts register(), which Next.js runs in the server process before it handles a request
 * (a request that reached the socket during the first moments of start-up is not rewritten). Reads
 * CAMKET_TRUSTED_PROXIES now, so a mistyped value stops the start with its message.
 */
export function installForwardedHeadersGuard(): void {
  const proxies = trustedProxies();
  for (const prototype of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const owner = prototype as unknown as Record<symbol, boolean>;
    if (owner[GUARDED]) continue;
    owner[GUARDED] = true;
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") guardForwardedHeaders(args[0] as http.IncomingMessage, proxies);
      return emit.call(this, event, ...args);
    };
  }
}
