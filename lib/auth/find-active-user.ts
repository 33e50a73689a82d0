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

type ActorRow = Omit<Actor, "unit"> & { unitName: string | null; unitKind: UnitKind | null };

/**
 * The active user with this id; with a session version, only while that is still the user's current one.
 * Read on every request (lib/auth/current-user): one statement with the unit joined, where Prisma's
 * include took two.
 */
export async function findActiveUserById(id: string, sessionVersion?: number): Promise<Actor | null> {
  const [row] = await prisma.$queryRaw<ActorRow[]>`
    SELECT u.id, u.email, u."fullName", u."jobTitle", u.role, u.locale, u."unitId", un.name AS "unitName", un.kind AS "unitKind"
    FROM "User" u LEFT JOIN "Unit" un ON un.id = u."unitId"
    WHERE u.id = ${id} AND u.active AND (${sessionVersion ?? null}::int IS NULL OR u."sessionVersion" = ${sessionVersion ?? null}::int)`;
  if (!row) return null;
  const { unitName, unitKind, ...user } = row;
  return { ...user, unit: user.unitId && unitName !== null && unitKind !== null ? { id: user.unitId, name: unitName, kind: unitKind } : null };
}

export function hasRole(actor: Actor | null, ...roles: Role[]): actor is Actor {
  return actor !== null && roles.includes(actor.role);
}
