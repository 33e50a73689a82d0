import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";
import { messageRef } from "@/lib/i18n/message-ref";

const closeSchema = z.object({
  campaignId: idSchema("campaign"),
  /** The confirmation box: closing cannot be undone. */
  confirm: z.literal("on", { error: messageRef("closing.close.confirm") }),
});

/**
 * ADMIN or CHAIRPERSON closes a launched campaign (CLOSED, closedAt, closedById; CAMPAIGN_CLOSED audited).
 * From then on nothing changes: every mutation path asks lib/campaigns/campaign-open-refusal, and the
 * signature store's statement will not move a closed campaign's assignment.
 */
export async function closeCampaign(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN", "CHAIRPERSON")) return forbidden(actor);
  const m = messagesFor(actor).closing;
  const parsed = closeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { campaignId } = parsed.data;
  return prisma.$transaction(async (tx) => {
    const closed = await tx.campaign.updateMany({ where: { id: campaignId, status: "LAUNCHED" }, data: { status: "CLOSED", closedAt: now, closedById: actor.id } });
    if (closed.count === 0) {
      const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { status: true } });
      if (!campaign) return failure(m.close.notFound);
      return failure(campaign.status === "CLOSED" ? m.close.alreadyClosed : m.refusals.notLaunched);
    }
    await recordAuditEvent(tx, { ...context, type: "CAMPAIGN_CLOSED", at: now, campaignId, data: { closedById: actor.id } });
    return success(m.close.closed);
  });
}
