import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import { messagesFor } from "@/lib/i18n/messages-for";
import { canUseArchive } from "./archive-access";
import { streamCampaignArchive } from "./stream-campaign-archive";
import { problemResponse } from "@/lib/api/problem-response";

/**
 * The HTTP answer for an archive download, shared by the page link and the API. Streamed; its exact length
 * goes in X-Archive-Bytes (Next drops Content-Length from streamed route responses), so the page and API
 * clients can show a percentage; X-Archive-Documents says how many PDFs it holds.
 */
export async function archiveResponse(actor: Actor, campaignId: string, context: AuditContext): Promise<Response> {
  const { errors } = messagesFor(actor).archive;
  // Errors as problem details (RFC 9457), like the rest of /api/v1, whose archive route this also answers.
  if (!canUseArchive(actor)) return problemResponse(403, errors.forbidden);
  const archive = await streamCampaignArchive(actor, campaignId, context);
  if (!archive) return problemResponse(404, errors.campaignNotFound);
  return new Response(archive.stream, {
    headers: {
      "Content-Type": "application/zip",
      "X-Archive-Bytes": String(archive.size),
      "Content-Disposition": `attachment; filename="${archive.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Archive-Documents": String(archive.documentCount),
    },
  });
}
