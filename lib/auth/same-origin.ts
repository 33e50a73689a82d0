/**
 * A state-changing JSON request from this site: the browser's Origin matches the host it was sent to, and
 * the body is JSON (a cross-site HTML form cannot send that without a CORS preflight we never grant).
 */
export function isSameOriginJsonRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || !request.headers.get("content-type")?.startsWith("application/json")) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
