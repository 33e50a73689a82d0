import { prisma } from "@/lib/db/client";
import type { Locale, Role, UnitKind } from "@/lib/generated/prisma/enums";

/** The person behind a request, as every lib operation receives it to check role and unit. */
export type Actor = {
  id: string;
  email: string;
  fullName: string;
  jobTitle: string;
  role: Role;
  /** The screen language they chose; lib words its messages in it. */
  locale: Locale;
  unitId: string | null;
  unit: { id: string; name: string; kind: UnitKind } | null;
};

/** The active user with this id; with a session version, only while that is still the user's current one. */
export async function findActiveUserById(id: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await prisma.user.findFirst({
    where: { id, active: true, sessionVersion },
    select: {
      id: true,
      email: true,
      fullName: true,
      jobTitle: true,
      role: true,
      locale: true,
      unitId: true,
      unit: { select: { id: true, name: true, kind: true } },
    },
  });
  return user;
}

export function hasRole(actor: Actor | null, ...roles: Role[]): actor is Actor {
  return actor !== null && roles.includes(actor.role);
}
