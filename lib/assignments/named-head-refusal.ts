import type { Actor } from "@/lib/auth/find-active-user";
import { delegationRefusal, type DeputyDelegation } from "@/lib/delegations/delegation-refusal";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";

/**
 * Why `actor` may not sign (or decline) this assignment as its head; null when they are the head named on
 * it, or a deputy of that head's unit under a delegation from them valid now (they sign with their own
 * certificate and name, "KT. …"). Being the unit's head is not enough: the body says "Tôi, <head named on
 * the document>…", and a new head acts on the revision reissued in their name
 * (lib/assignments/reissue-for-new-head) — a delegation from the former head does not carry over either.
 */
export function namedHeadRefusal(
  assignment: { headUserId: string; headName: string; unitId: string; delegation?: DeputyDelegation | null },
  actor: Actor,
  m: Messages,
  now: Date,
): string | null {
  if (assignment.headUserId === actor.id) return null;
  if (actor.role !== "DEPUTY") return formatMessage(m.signing.results.notNamedHead, { head: assignment.headName });
  return delegationRefusal(assignment.delegation ?? null, now, m) ?? (actor.unitId === assignment.unitId ? null : m.delegation.refusals.otherUnit);
}
