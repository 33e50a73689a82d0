import { NextResponse, type NextRequest } from "next/server";
import { MAX_UPLOAD_BYTES, MB } from "./upload-limit";

/** The query parameter that carries the refused upload's size (MB) back to /kiem-tra. */
export const OVERSIZED_PARAM = "qua-lon";
/** Room for the multipart framing and the server action's own fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * An upload to /kiem-tra larger than the check accepts is answered here, before Next reads the body:
 * otherwise the server action's body size limit throws first and the user gets a bare 500. The answer is
 * a 303 back to the page, which says how large the file was and what the limit is.
 */
export function refuseOversizedUpload(request: NextRequest): NextResponse | undefined {
  if (request.method !== "POST" || request.nextUrl.pathname !== "/kiem-tra") return undefined;
  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) return undefined;
  // Built on the request's own URL: Next's proxy refuses a relative Location (it answers 500 instead).
  const target = new URL("/kiem-tra", request.nextUrl);
  target.searchParams.set(OVERSIZED_PARAM, String(Math.round((length / MB) * 10) / 10));
  return NextResponse.redirect(target, 303);
}

/** The refused size from the page's query, in MB, or undefined when absent or not a plausible number. */
export function oversizedUploadMegabytes(value: string | string[] | undefined): number | undefined {
  const megabytes = typeof value === "string" && /^\d{1,6}(\.\d)?$/.test(value) ? Number(value) : NaN;
  return megabytes > 0 ? megabytes : undefined;
}
