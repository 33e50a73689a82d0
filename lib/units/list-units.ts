import { prisma } from "@/lib/db/client";
import { foldVietnamese, slugify } from "./slugify";
import type { UnitListFilter } from "./unit-schemas";

export type UnitRow = Awaited<ReturnType<typeof listUnits>>[number];

/**
 * Units with their active head, in the city's order. Search is diacritics-insensitive: the slug is the
 * folded name, so "duc thang" → "duc-thang" matches "Phường Đức Thắng"; codes match too.
 */
export async function listUnits(filter: UnitListFilter = {}, options: { activeOnly?: boolean } = {}) {
  const query = filter.q?.trim() ? slugify(filter.q) : "";
  return prisma.unit.findMany({
    where: {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(options.activeOnly ? { active: true } : {}),
      ...(query
        ? { OR: [{ slug: { contains: query } }, { code: { contains: foldVietnamese(filter.q ?? "").trim().toUpperCase() } }] }
        : {}),
    },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      kind: true,
      name: true,
      slug: true,
      code: true,
      active: true,
      users: {
        where: { role: "UNIT_HEAD", active: true },
        select: { id: true, fullName: true, jobTitle: true, email: true },
        take: 1,
      },
    },
  });
}
