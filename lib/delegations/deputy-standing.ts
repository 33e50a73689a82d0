import type { Actor } from "@/lib/auth/find-active-user";
import type { SigningRole } from "@/lib/signatures/store-signatures";
import type { DeputyDelegation } from "./delegation-refusal";
import { findValidDelegation } from "./find-valid-delegation";

/** In whose place a deputy may act on an assignment now: its head's (sign) or the chairperson's (countersign). */
export type DeputyStanding = { role: SigningRole; delegation: DeputyDelegation };

/**
 * The delegation valid now under which this DEPUTY may open `assignment`: from its named head (they sign it),
 * else from the chairperson (they countersign it); null — the assignment is not theirs to see.
 */
export async function deputyStanding(actor: Actor, assignment: { headUserId: string; unitId: string }, now: Date): Promise<DeputyStanding | null> {
  const forHead = await findValidDelegation(actor, assignment, now);
  if (forHead) return { role: "HEAD", delegation: forHead };
  const forChairperson = await findValidDelegation(actor, "CHAIRPERSON", now);
  return forChairperson ? { role: "CHAIRPERSON", delegation: forChairperson } : null;
}
