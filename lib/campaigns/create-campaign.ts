import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
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
  if (!hasRole(actor, "ADMIN")) return forbidden();
  const parsed = campaignInputSchema(now).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const data = parsed.data;

  return prisma.$transaction(async (tx) => {
    const template = await tx.templateVersion.findUnique({ where: { id: data.templateVersionId }, select: { status: true } });
    if (template?.status !== "PUBLISHED") {
      return failure("Phải chọn phiên bản mẫu cam kết đang có hiệu lực.", {
        templateVersionId: ["Chỉ dùng được phiên bản mẫu đã công bố và chưa bị thay thế"],
      });
    }
    const { units, unknownIds } = await resolveCampaignUnits(tx, data.unitSelection);
    if (unknownIds.length > 0) return failure("Có đơn vị không tồn tại hoặc đã ngừng hoạt động.", { unitSelection: ["Đơn vị không tồn tại"] });
    if (units.length === 0) return failure("Chiến dịch phải có ít nhất một đơn vị.", { unitSelection: ["Không có đơn vị nào được chọn"] });

    const campaign = await tx.campaign.create({
      data: { ...data, unitSelection: data.unitSelection as Prisma.InputJsonValue, createdById: actor.id },
    });
    await recordAuditEvent(tx, {
      ...context,
      type: "CAMPAIGN_CREATED",
      campaignId: campaign.id,
      data: { name: campaign.name, units: units.length, deadline: campaign.deadline.toISOString() },
    });
    return { ...success(`Đã tạo chiến dịch “${campaign.name}” với ${units.length} đơn vị.`), id: campaign.id };
  });
}
