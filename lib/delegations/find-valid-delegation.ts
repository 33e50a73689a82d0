import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { DeputyDelegation } from "./delegation-refusal";
import { validAt } from "./delegation-state";

/**
 * The delegation valid at `now` under which this deputy may act for `principal` — a named head (by user id)
 * or the city chairperson — or null. A deputy for a unit head must still belong to that head's unit.
 */
export async function findValidDelegation(actor: Actor, principal: { headUserId: string; unitId: string } | "CHAIRPERSON", now: Date): Promise<DeputyDelegation | null> {
  if (actor.role !== "DEPUTY") return null;
  if (principal !== "CHAIRPERSON" && principal.unitId !== actor.unitId) return null;
  const row = await prisma.delegation.findFirst({
    where: {
      deputyId: actor.id,
      ...validAt(now),
      principal: principal === "CHAIRPERSON" ? { role: "CHAIRPERSON", active: true } : { id: principal.headUserId },
    },
    orderBy: { validUntil: "desc" },
    select: { id: true, kind: true, principalId: true, validFrom: true, validUntil: true, revokedAt: true, principal: { select: { fullName: true, jobTitle: true } } },
  });
  if (!row) return null;
  const { principal: p, ...rest } = row;
  return { ...rest, principalName: p.fullName, principalTitle: p.jobTitle };
}
