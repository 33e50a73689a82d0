import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { campaignInputSchema } from "./campaign-schemas";
import { resolveCampaignUnits } from "./resolve-campaign-units";

/** Creates a campaign in DRAFT (ADMIN). Launching it is a separate, deliberate step. */
export async function createCampaign(
  actor: Actor | null,
  input: unknown,
  context: AuditContext = {},
  now = new Date(),
): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { common, admin } = messagesFor(actor);
  const { campaigns } = admin;
  const parsed = campaignInputSchema(now).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const data = parsed.data;

  return prisma.$transaction(async (tx) => {
    const template = await tx.templateVersion.findUnique({ where: { id: data.templateVersionId }, select: { status: true } });
    if (template?.status !== "PUBLISHED") {
      return failure(campaigns.templateNotPublished, { templateVersionId: [campaigns.templateNotPublishedField] });
    }
    const { units, unknownIds } = await resolveCampaignUnits(tx, data.unitSelection);
    if (unknownIds.length > 0) return failure(campaigns.unknownUnits, {
        unitSelection: [formatMessage(common.validation.notFound, { label: common.fields.unit })],
      });
    if (units.length === 0) return failure(campaigns.noUnits, { unitSelection: [campaigns.noUnitsField] });

    const campaign = await tx.campaign.create({
      data: { ...data, unitSelection: data.unitSelection as Prisma.InputJsonValue, createdById: actor.id },
    });
    await recordAuditEvent(tx, {
      ...context,
      type: "CAMPAIGN_CREATED",
      campaignId: campaign.id,
      data: { name: campaign.name, units: units.length, deadline: campaign.deadline.toISOString() },
    });
    return { ...success(formatMessage(campaigns.created, { name: campaign.name, count: units.length })), id: campaign.id };
  });
}
