import { prisma } from "@/lib/db/client";
import { cleanSearchText } from "@/lib/forms/search-query";
import type { UserListFilter } from "./user-schemas";

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** Users by role then name; the search looks at name, e-mail and unit name (case-insensitive). */
export async function listUsers(filter: UserListFilter = {}) {
  // Cleaned here too, not only by the page's schema: a NUL reaching PostgreSQL is a 500.
  const q = filter.q === undefined ? undefined : cleanSearchText(filter.q);
  return prisma.user.findMany({
    where: {
      ...(filter.role ? { role: filter.role } : {}),
      ...(q
        ? {
            OR: [
              { fullName: { contains: q, mode: "insensitive" } },
              { email: { contains: q.toLowerCase() } },
              { unit: { name: { contains: q, mode: "insensitive" } } },
            ],
          }
        : {}),
    },
    orderBy: [{ role: "asc" }, { fullName: "asc" }],
    select: {
      id: true,
      email: true,
      fullName: true,
      jobTitle: true,
      role: true,
      active: true,
      unit: { select: { id: true, name: true } },
      // A clerk has no unit; the body whose register they keep stands in its column.
      issuingBody: { select: { name: true } },
    },
  });
}
