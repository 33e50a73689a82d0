import type { DelegationKind } from "@/lib/generated/prisma/enums";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";
import { formatDate, formatDateTime } from "@/lib/time/vietnam-time";
import { delegationState } from "./delegation-state";

/** The delegation a deputy would sign under, as the signing context reads it (the most relevant one). */
export type DeputyDelegation = {
  id: string;
  kind: DelegationKind;
  principalId: string;
  principalName: string;
  principalTitle: string;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
};

/**
 * Why a deputy may not sign under this delegation now (none, not yet in force, expired, revoked), or null.
 * Each case says so plainly; nothing is signed.
 */
export function delegationRefusal(delegation: DeputyDelegation | null, now: Date, m: Messages): string | null {
  if (!delegation) return m.delegation.refusals.none;
  const principal = delegation.principalName;
  switch (delegationState(delegation, now)) {
    case "VALID":
      return null;
    case "NOT_YET":
      return formatMessage(m.delegation.refusals.notYet, { principal, from: formatDate(delegation.validFrom) });
    case "EXPIRED":
      return formatMessage(m.delegation.refusals.expired, { principal, until: formatDateTime(delegation.validUntil) });
    case "REVOKED":
      return formatMessage(m.delegation.refusals.revoked, { principal });
  }
}
