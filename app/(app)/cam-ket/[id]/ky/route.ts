import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { isSameOriginJsonRequest } from "@/lib/auth/same-origin";
import { reportInternalError } from "@/lib/errors/report-internal-error";
import type { FormResult } from "@/lib/forms/form-result";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor, type Messages } from "@/lib/i18n/messages-for";

export const runtime = "nodejs";

/**
 * POST /cam-ket/{id}/ky — the same signature as the page's sign button, for scripted clients:
 * JSON { reviewedSha256, password, signatureImage } with the session cookie. Same-origin JSON only, so a
 * cross-site form cannot reach it. Answers { ok, message, fieldErrors? }: 400 bad input, 403 not allowed,
 * 404 no such commitment for this person, 409 refused as things stand (its state, a wrong password), 503 the
 * database is unreachable; never an error's own text.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOriginJsonRequest(request)) return Response.json({ ok: false, message: (await getMessages()).signing.api.crossOrigin }, { status: 403 });
  try {
    const actor = await getCurrentUser();
    if (!actor) return Response.json({ ok: false, message: (await getMessages()).common.form.signedOut }, { status: 401 });
    const m = messagesFor(actor);
    const body: unknown = await request.json().catch(() => null);
    if (typeof body !== "object" || body === null || Array.isArray(body)) return Response.json({ ok: false, message: m.signing.api.jsonRequired }, { status: 400 });
    const result = await signAssignment(actor, { ...body, assignmentId: (await params).id }, await auditContextFor(actor));
    return Response.json(result, { status: statusOf(result, m) });
  } catch (error) {
    const report = reportInternalError(`POST ${new URL(request.url).pathname}`, error, await getMessages().catch(() => messagesFor()));
    return Response.json({ ok: false, message: report.message }, { status: report.status });
  }
}

function statusOf(result: FormResult, m: Messages): number {
  if (result.ok) return 200;
  if (result.message === m.common.form.forbidden) return 403;
  // The id comes from the path: malformed or unknown, it names no commitment.
  if (result.message === m.signing.results.notFound || result.fieldErrors?.assignmentId) return 404;
  if (result.message === m.common.form.invalid) return 400;
  return 409;
}
