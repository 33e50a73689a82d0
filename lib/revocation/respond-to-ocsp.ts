import { readLimitedBody } from "@/lib/security/read-limited-body";
import { answerOcspRequest, OCSP_STATUS, statusOnly } from "./answer-ocsp-request";

/** RFC 6960 requests are a few hundred bytes; anything this large is not one. */
const MAX_REQUEST_BYTES = 16 * 1024;

const ocspResponse = (body: Uint8Array, cacheSeconds: number) =>
  new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/ocsp-response",
      // RFC 5019 §6: GET answers may be cached (briefly: revocation here is live); POST answers are not.
      "Cache-Control": cacheSeconds > 0 ? `public, max-age=${cacheSeconds}` : "no-store",
    },
  });

/** POST /ca/ocsp: the DER request is the body (application/ocsp-request). */
export async function respondToOcspPost(request: Request): Promise<Response> {
  const body = await readLimitedBody(request, MAX_REQUEST_BYTES);
  if (!body || body.byteLength === 0) return ocspResponse(statusOnly(OCSP_STATUS.malformedRequest), 0);
  return ocspResponse(await answerOcspRequest(body), 0);
}

/**
 * GET /ca/ocsp/{url-encoded base64 of the DER request} (RFC 6960 App. A.1). Base64's "/" splits the path
 * into segments, so they are joined back; base64url is accepted too.
 */
export async function respondToOcspGet(segments: string[]): Promise<Response> {
  const der = decodeGetPath(segments);
  if (!der) return ocspResponse(statusOnly(OCSP_STATUS.malformedRequest), 0);
  return ocspResponse(await answerOcspRequest(der), 60);
}

function decodeGetPath(segments: string[]): Uint8Array | null {
  let text: string;
  try {
    text = segments.map((segment) => decodeURIComponent(segment)).join("/");
  } catch {
    return null;
  }
  if (text.length === 0 || text.length > (MAX_REQUEST_BYTES * 4) / 3 || !/^[A-Za-z0-9+/_-]+=*$/.test(text)) return null;
  const der = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return der.byteLength > 0 ? new Uint8Array(der) : null;
}
