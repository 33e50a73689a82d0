import { notFoundError, withApiActor } from "@/lib/api/api-handler";
import { getCampaignStatus } from "@/lib/archive/get-campaign-status";

export const runtime = "nodejs";

/** GET /api/v1/campaigns/{id}/status — every live assignment's status and document hashes. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApiActor(request, async (actor) => {
    const status = await getCampaignStatus(actor, (await params).id);
    return status ? Response.json(status) : notFoundError();
  });
}
