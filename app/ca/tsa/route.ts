import { answerTimestampRequest } from "@/lib/timestamping/answer-timestamp-request";
import { getBuiltInTsa } from "@/lib/timestamping/get-built-in-tsa";
import { readLimitedBody } from "@/lib/security/read-limited-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An RFC 3161 request is an imprint and a few options: well under a kilobyte. */
const MAX_REQUEST_BYTES = 8 * 1024;

/** POST /ca/tsa — the deployment's own RFC 3161 time-stamping authority, public (application/timestamp-query). */
export async function POST(request: Request) {
  const body = await readLimitedBody(request, MAX_REQUEST_BYTES);
  const tsa = await getBuiltInTsa();
  // An oversized body is answered like any malformed request: a TimeStampResp with status rejection.
  const reply = await answerTimestampRequest(tsa, body ?? new Uint8Array());
  return new Response(new Uint8Array(reply), { headers: { "Content-Type": "application/timestamp-reply", "Cache-Control": "no-store" } });
}
