import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";
import { formatDateTime } from "@/lib/time/vietnam-time";

/**
 * Why nothing may change in this campaign any more (it is closed: the archive is final), or null. Every
 * mutation of a campaign's assignments asks this — signing, declining, countersigning, reminders, reissue,
 * reopening and issuance.
 */
export function campaignClosedRefusal(campaign: { status: CampaignStatus }, m: Messages): string | null {
  return campaign.status === "CLOSED" ? m.closing.refusals.closed : null;
}

/**
 * Why a head (or their deputy) may not sign or decline now: the campaign is closed, or its deadline has
 * passed and the chairperson has not reopened this unit's assignment until a later time. Countersigning is
 * not bound by the deadline, only by the close.
 */
export function signingWindowRefusal(
  target: { campaignStatus: CampaignStatus; deadline: Date; reopenedUntil: Date | null },
  now: Date,
  m: Messages,
): string | null {
  const closed = campaignClosedRefusal({ status: target.campaignStatus }, m);
  if (closed) return closed;
  if (now <= target.deadline) return null;
  if (!target.reopenedUntil) return formatMessage(m.closing.refusals.pastDeadline, { deadline: formatDateTime(target.deadline) });
  if (now <= target.reopenedUntil) return null;
  return formatMessage(m.closing.refusals.reopenExpired, { until: formatDateTime(target.reopenedUntil) });
}
