import { prisma } from "@/lib/db/client";
import type { UserListFilter } from "./user-schemas";

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** Users by role then name; the search looks at name, e-mail and unit name (case-insensitive). */
export async function listUsers(filter: UserListFilter = {}) {
  const q = filter.q?.normalize("NFC").trim();
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
    },
  });
}
