import type { Actor } from "@/lib/auth/find-active-user";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";

/**
 * Why `actor` may not sign (or decline) this assignment as its head; null when they are the head named on
 * it. Being the unit's head is not enough: the body says "Tôi, <head named on the document>…", and a new
 * head acts on the revision reissued in their name (lib/assignments/reissue-for-new-head).
 */
export function namedHeadRefusal(assignment: { headUserId: string; headName: string }, actor: Actor, m: Messages): string | null {
  return assignment.headUserId === actor.id ? null : formatMessage(m.signing.results.notNamedHead, { head: assignment.headName });
}
