import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { isSameOriginJsonRequest } from "@/lib/auth/same-origin";
import { signAssignment } from "@/lib/signatures/sign-assignment";

export const runtime = "nodejs";

/**
 * POST /cam-ket/{id}/ky — the same signature as the "Ký cam kết" button, for scripted clients:
 * JSON { reviewedSha256, password, signatureImage } with the session cookie. Same-origin JSON only, so a
 * cross-site form cannot reach it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOriginJsonRequest(request)) return Response.json({ ok: false, message: "Yêu cầu không hợp lệ (khác nguồn gốc)." }, { status: 403 });
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ ok: false, message: "Chưa đăng nhập." }, { status: 401 });
  const body: unknown = await request.json().catch(() => null);
  if (typeof body !== "object" || body === null) return Response.json({ ok: false, message: "Nội dung yêu cầu phải là JSON." }, { status: 400 });
  const result = await signAssignment(actor, { ...body, assignmentId: (await params).id }, await auditContextFor(actor));
  return Response.json(result, { status: result.ok ? 200 : result.message === "Bạn không có quyền thực hiện thao tác này." ? 403 : 409 });
}
