import { prisma } from "@/lib/db/client";
import { slugify } from "./slugify";
import type { UnitListFilter } from "./unit-schemas";

/**
 * Units with their active head, in the city's order. Search is diacritics-insensitive: the slug is the
 * folded name, so every word of "duc thang" is found in "phuong-duc-thang" (Phường Đức Thắng); codes match too.
 */
export async function listUnits(filter: UnitListFilter = {}, options: { activeOnly?: boolean } = {}) {
  const words = slugify(filter.q ?? "").split("-").filter(Boolean);
  return prisma.unit.findMany({
    where: {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(options.activeOnly ? { active: true } : {}),
      ...(words.length > 0
        ? { OR: [{ AND: words.map((word) => ({ slug: { contains: word } })) }, { code: { contains: words.join("").toUpperCase() } }] }
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
      issuingBody: { select: { name: true } },
      users: {
        where: { role: "UNIT_HEAD", active: true },
        select: { id: true, fullName: true, jobTitle: true, email: true },
        take: 1,
      },
    },
  });
}
