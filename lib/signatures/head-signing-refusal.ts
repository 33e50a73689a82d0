import { z } from "zod";
import type { Actor } from "@/lib/auth/find-active-user";
import { namedHeadRefusal } from "@/lib/assignments/named-head-refusal";
import { signingWindowRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { messageRef } from "@/lib/i18n/message-ref";
import type { Messages } from "@/lib/i18n/messages-for";
import type { SigningTarget } from "./load-signing-context";
import { statusRefusal } from "./status-refusal";

/** The hash of the PDF the head read before signing: a signature is only ever made on that document. */
export const reviewedSha256Schema = z.string().regex(/^[0-9a-f]{64}$/, messageRef("signing.results.reviewedHashMissing"));

/**
 * Why this head (or their deputy, under a delegation) may not sign this assignment now (missing or another
 * unit's, no longer open, the campaign closed or past its deadline and not reopened, not the head named on
 * it nor their deputy in the delegation's period, changed since they read it), or null. Shared by a
 * server-key signature and the prepare step of an external one, so both refuse exactly the same cases.
 */
export function headSigningRefusal(assignment: SigningTarget | null, actor: Actor, reviewedSha256: string, m: Messages, now: Date): string | null {
  if (!assignment) return m.signing.results.notFound;
  const refusal =
    statusRefusal(assignment.status, m) ?? signingWindowRefusal(assignment, now, m) ?? namedHeadRefusal(assignment, actor, m, now);
  if (refusal) return refusal;
  return assignment.documentSha256 === reviewedSha256 ? null : m.signing.results.documentChanged;
}
