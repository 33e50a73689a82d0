import { withApiActor } from "@/lib/api/api-handler";
import { formResultProblem } from "@/lib/api/form-result-response";
import { apiAuditContext } from "@/lib/api/api-audit-context";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { messagesFor } from "@/lib/i18n/messages-for";

export const runtime = "nodejs";

/** POST /api/v1/campaigns/{id}/launch — launches a draft: every unit's commitment is made and its head notified (scope write-campaigns). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApiActor(
    request,
    async (actor) => {
      const id = (await params).id;
      const result = await launchCampaign(actor, id, apiAuditContext(actor, request));
      if (!result.ok) return formResultProblem(result, messagesFor().admin.campaigns.notFound);
      return Response.json({ id, status: "LAUNCHED" });
    },
    "write-campaigns",
  );
}
