import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() → app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  // The PDF fonts are read from disk at run time; make sure a traced production build ships them.
  outputFileTracingIncludes: { "/**": ["lib/pdf/fonts/**"] },
};

export default nextConfig;
