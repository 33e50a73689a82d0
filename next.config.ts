import type { NextConfig } from "next";
import { devOrigins } from "./lib/runtime/dev-origins";

// The Content-Security-Policy is set per response by proxy.ts (it carries a nonce).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // "-allow-popups": the signing agent's PIN window (another origin, opened by the review page) must stay
  // reachable from its opener, or the page sees it as closed at once; others still cannot open us with a handle.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run dev` opened from 127.0.0.1 or the printed Network URL (see lib/runtime/dev-origins.ts).
  allowedDevOrigins: devOrigins(),
  // forbidden() → app/forbidden.tsx with HTTP 403.
  // Uploads to /kiem-tra over 20 MB are turned away by proxy.ts (lib/verification/refuse-oversized-upload.ts);
  // this limit only bounds what reaches a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "26mb" }, proxyClientMaxBodySize: "26mb" },
  // The PDF fonts are read from disk at run time; make sure a traced production build ships them.
  outputFileTracingIncludes: { "/**": ["lib/pdf/fonts/**"] },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
