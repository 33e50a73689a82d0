import { respondToOcspGet } from "@/lib/revocation/respond-to-ocsp";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /ca/ocsp/{base64 request} — the same responder over GET (RFC 6960 App. A.1), cacheable for a minute. */
export async function GET(_request: Request, { params }: { params: Promise<{ request: string[] }> }) {
  return respondToOcspGet((await params).request);
}
