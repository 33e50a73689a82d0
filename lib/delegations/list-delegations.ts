import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { delegationState } from "./delegation-state";

const person = { select: { id: true, fullName: true, jobTitle: true, role: true, unit: { select: { name: true } } } } as const;

/** ADMIN: every delegation, newest first, with where it stands now (in force, not yet, expired, revoked). */
export async function listDelegations(actor: Actor, now = new Date()) {
  if (!hasRole(actor, "ADMIN")) return [];
  const rows = await prisma.delegation.findMany({ orderBy: { createdAt: "desc" }, take: 500, include: { principal: person, deputy: person } });
  return rows.map((d) => ({ ...d, state: delegationState(d, now) }));
}
