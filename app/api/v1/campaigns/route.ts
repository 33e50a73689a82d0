import { withApiActor } from "@/lib/api/api-handler";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { readJsonBody } from "@/lib/api/read-json-body";
import { formResultProblem } from "@/lib/api/form-result-response";
import { apiAuditContext } from "@/lib/api/api-audit-context";

export const runtime = "nodejs";

/** GET /api/v1/campaigns — launched and closed campaigns with their counts. */
export async function GET(request: Request) {
  return withApiActor(request, async () => {
    const campaigns = (await listCampaigns()).filter((c) => c.status !== "DRAFT");
    return Response.json({ campaigns });
  });
}

const CAMPAIGN_FIELDS = ["name", "templateVersionId", "unitSelection", "deadline", "documentDate", "recipients", "documentTypeCode"] as const;

/**
 * POST /api/v1/campaigns — a draft campaign, as the admin's form makes it (scope write-campaigns); launching is
 * a separate call, so a script can check the draft first.
 */
export async function POST(request: Request) {
  return withApiActor(
    request,
    async (actor) => {
      const read = await readJsonBody(request, CAMPAIGN_FIELDS);
      if ("problem" in read) return read.problem;
      const result = await createCampaign(actor, read.body, apiAuditContext(actor, request));
      if (!result.ok) return formResultProblem(result);
      return Response.json({ id: result.id, status: "DRAFT" }, { status: 201, headers: { Location: `/api/v1/campaigns/${result.id}/status` } });
    },
    "write-campaigns",
  );
}
