import { withApiActor } from "@/lib/api/api-handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { problemResponse } from "@/lib/api/problem-response";
import { apiAuditContext } from "@/lib/api/api-audit-context";
import { acknowledgeIssuedDocument } from "@/lib/issuance/acknowledge-issued-document";

export const runtime = "nodejs";

/**
 * POST /api/v1/assignments/{id}/receipt — the document-management system acknowledges an issued document
 * (scope issue). The first acknowledgement is recorded (201); a repeat answers with it (200) and changes nothing.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApiActor(
    request,
    async (actor) => {
      const read = await readJsonBody(request, ["reference"]);
      if ("problem" in read) return read.problem;
      const result = await acknowledgeIssuedDocument(actor, (await params).id, read.body, apiAuditContext(actor, request));
      if (!result.ok) {
        return result.reason === "notFound"
          ? problemResponse(404, "Không tìm thấy văn bản đã ban hành với mã này.")
          : problemResponse(422, result.detail!, "validation", { errors: [{ pointer: "/reference", detail: result.detail }] });
      }
      return Response.json(result.receipt, { status: result.first ? 201 : 200 });
    },
    "issue",
  );
}
