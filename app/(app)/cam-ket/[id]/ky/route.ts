import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { isSameOriginJsonRequest } from "@/lib/auth/same-origin";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";

export const runtime = "nodejs";

/**
 * POST /cam-ket/{id}/ky — the same signature as the page's sign button, for scripted clients:
 * JSON { reviewedSha256, password, signatureImage } with the session cookie. Same-origin JSON only, so a
 * cross-site form cannot reach it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOriginJsonRequest(request)) return Response.json({ ok: false, message: (await getMessages()).signing.api.crossOrigin }, { status: 403 });
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ ok: false, message: (await getMessages()).common.form.signedOut }, { status: 401 });
  const m = messagesFor(actor);
  const body: unknown = await request.json().catch(() => null);
  if (typeof body !== "object" || body === null) return Response.json({ ok: false, message: m.signing.api.jsonRequired }, { status: 400 });
  const result = await signAssignment(actor, { ...body, assignmentId: (await params).id }, await auditContextFor(actor));
  return Response.json(result, { status: result.ok ? 200 : result.message === m.common.form.forbidden ? 403 : 409 });
}
