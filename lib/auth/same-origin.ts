/** The browser's Origin names the host this request was sent to: it came from one of our own pages. */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A state-changing JSON request from this site: same origin, and the body is JSON (a cross-site HTML form
 * cannot send that without a CORS preflight we never grant).
 */
export function isSameOriginJsonRequest(request: Request): boolean {
  return isSameOriginRequest(request) && (request.headers.get("content-type")?.startsWith("application/json") ?? false);
}
