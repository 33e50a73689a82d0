import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import { messagesFor } from "@/lib/i18n/messages-for";
import { canUseArchive } from "./archive-access";
import { streamCampaignArchive } from "./stream-campaign-archive";

/**
 * The HTTP answer for an archive download, shared by the page link and the API. No Content-Length: the
 * first bytes leave at once and the browser shows the download growing; X-Archive-Documents lets a
 * client show progress by counting PDFs.
 */
export async function archiveResponse(actor: Actor, campaignId: string, context: AuditContext): Promise<Response> {
  const { errors } = messagesFor(actor).archive;
  if (!canUseArchive(actor)) return Response.json({ error: errors.forbidden }, { status: 403 });
  const archive = await streamCampaignArchive(actor, campaignId, context);
  if (!archive) return Response.json({ error: errors.campaignNotFound }, { status: 404 });
  return new Response(archive.stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${archive.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Archive-Documents": String(archive.documentCount),
    },
  });
}
