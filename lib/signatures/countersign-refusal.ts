import type { Actor } from "@/lib/auth/find-active-user";
import { campaignClosedRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { delegationRefusal } from "@/lib/delegations/delegation-refusal";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";
import type { SigningTarget } from "./load-signing-context";

/**
 * Why the chairperson (or the deputy they delegated to, within its period) may not countersign this
 * assignment now (missing or not visible, the campaign closed, already countersigned, not signed by the head
 * yet, no valid delegation), or null. Shared by the server-key countersignature and the prepare step of an
 * external one. The signing deadline binds heads, not the countersignature.
 */
export function countersignRefusal(target: SigningTarget | undefined, actor: Actor, m: Messages, now: Date): string | null {
  const r = m.signing.results;
  if (!target) return r.notFound;
  const closed = campaignClosedRefusal({ status: target.campaignStatus }, m);
  if (closed) return closed;
  if (target.status === "COMPLETED" || target.status === "ISSUED") return formatMessage(r.alreadyCountersigned, { unit: target.unitName });
  if (target.status !== "SIGNED") return formatMessage(r.notSignedYet, { unit: target.unitName });
  return actor.role === "DEPUTY" ? delegationRefusal(target.delegation, now, m) : null;
}
