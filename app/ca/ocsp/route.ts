import { respondToOcspPost } from "@/lib/revocation/respond-to-ocsp";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /ca/ocsp — the city CA's OCSP responder (RFC 6960); public, no sign-in. */
export function POST(request: Request) {
  return respondToOcspPost(request);
}
