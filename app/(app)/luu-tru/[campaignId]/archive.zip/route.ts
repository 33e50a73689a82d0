import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { archiveResponse } from "@/lib/archive/archive-response";
import { getMessages } from "@/lib/i18n/get-messages";

export const runtime = "nodejs";

/** GET /luu-tru/{campaignId}/archive.zip — the campaign's archive, streamed as it is built. */
export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: (await getMessages()).common.form.signedOut }, { status: 401 });
  return archiveResponse(actor, (await params).campaignId, await auditContextFor(actor));
}
