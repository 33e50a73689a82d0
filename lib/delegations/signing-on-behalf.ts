import type { Actor } from "@/lib/auth/find-active-user";
import type { DelegationKind } from "@/lib/generated/prisma/enums";
import { authorityLines, type OnBehalfOf } from "./authority-lines";
import type { DeputyDelegation } from "./delegation-refusal";

/** What the stored revision and its audit event record of the delegation a deputy signed under. */
export type SignedUnderDelegation = { id: string; principalId: string; kind: DelegationKind };

/**
 * For a deputy signing under `delegation` (already checked valid): the authority lines the stamp prints and
 * the delegation the document row and the audit event record. Nothing for the named signer themselves.
 */
export function signingOnBehalf(actor: Actor, delegation: DeputyDelegation | null): { onBehalfOf?: OnBehalfOf; delegation?: SignedUnderDelegation } {
  if (actor.role !== "DEPUTY" || !delegation) return {};
  return {
    onBehalfOf: authorityLines(delegation.kind, delegation.principalTitle, actor.jobTitle),
    delegation: { id: delegation.id, principalId: delegation.principalId, kind: delegation.kind },
  };
}
