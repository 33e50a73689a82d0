import { withApiActor } from "@/lib/api/api-handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { formResultProblem } from "@/lib/api/form-result-response";
import { problemResponse } from "@/lib/api/problem-response";
import { apiAuditContext } from "@/lib/api/api-audit-context";
import { externalIdSchema, upsertUnitByExternalId } from "@/lib/units/upsert-unit-by-external-id";

export const runtime = "nodejs";

const FIELDS = ["name", "kind", "code", "issuingBodyId"] as const;

/** PUT /api/v1/units/{externalId} — the HR sync's idempotent upsert of one unit (scope write-units). */
export async function PUT(request: Request, { params }: { params: Promise<{ externalId: string }> }) {
  return withApiActor(
    request,
    async (actor) => {
      const externalId = externalIdSchema.safeParse((await params).externalId);
      if (!externalId.success) return problemResponse(400, "Mã định danh ngoài chỉ gồm chữ, số và . _ : - (tối đa 100 ký tự).");
      const read = await readJsonBody(request, FIELDS);
      if ("problem" in read) return read.problem;
      const result = await upsertUnitByExternalId(actor, externalId.data, read.body, apiAuditContext(actor, request));
      if (!result.ok) return formResultProblem(result);
      return Response.json({ id: result.id, externalId: externalId.data, changed: result.changed }, { status: result.created ? 201 : 200 });
    },
    "write-units",
  );
}
