import { configuredAgentUrl } from "@/lib/external-signing/configured-agent-url";

/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (Next puts it on its
 * own inline payload scripts when it finds the policy on the request), and 'strict-dynamic' lets those
 * load their chunks; no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React writes style
 * attributes, which cannot carry a nonce. The PDF viewer is an <object> of our own origin.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The local signing agent (docs/signing-agent-protocol.md) is the one other place a page may call.
    `connect-src 'self' ${configuredAgentUrl()}`,
    "object-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
