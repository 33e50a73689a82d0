import { withApiActor } from "@/lib/api/api-handler";
import { archiveResponse } from "@/lib/archive/archive-response";
import { apiAuditContext } from "@/lib/api/api-audit-context";

export const runtime = "nodejs";

/** GET /api/v1/campaigns/{id}/archive.zip — the same streamed archive as /luu-tru offers. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApiActor(request, async (actor) =>
    archiveResponse(actor, (await params).id, apiAuditContext(actor, request)),
  );
}
