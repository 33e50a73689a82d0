import { withApiActor } from "@/lib/api/api-handler";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";

export const runtime = "nodejs";

/** GET /api/v1/campaigns — launched and closed campaigns with their counts. */
export async function GET(request: Request) {
  return withApiActor(request, async () => {
    const campaigns = (await listCampaigns()).filter((c) => c.status !== "DRAFT");
    return Response.json({ campaigns });
  });
}
