import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// Next's App Router streams its payload through inline scripts, so scripts need 'unsafe-inline' (no nonce
// plumbing yet); everything else is locked to this origin. The PDF viewer is an <object> of our own origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() → app/forbidden.tsx with HTTP 403.
  // Uploads to /kiem-tra go up to 20 MB; a little more gets through so the page can say "too large" itself.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "26mb" }, proxyClientMaxBodySize: "26mb" },
  // The PDF fonts are read from disk at run time; make sure a traced production build ships them.
  outputFileTracingIncludes: { "/**": ["lib/pdf/fonts/**"] },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
