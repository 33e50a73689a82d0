/** Where a delegation stands at `now`: only VALID lets the deputy sign. validUntil is the last instant it holds. */
export type DelegationState = "VALID" | "NOT_YET" | "EXPIRED" | "REVOKED";

export function delegationState(d: { validFrom: Date; validUntil: Date; revokedAt: Date | null }, now: Date): DelegationState {
  if (d.revokedAt) return "REVOKED";
  if (now < d.validFrom) return "NOT_YET";
  return now <= d.validUntil ? "VALID" : "EXPIRED";
}

/** The Prisma filter for delegations VALID at `now` (the same rule as delegationState). */
export const validAt = (now: Date) => ({ revokedAt: null, validFrom: { lte: now }, validUntil: { gte: now } });
