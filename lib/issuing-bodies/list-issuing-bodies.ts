import { prisma } from "@/lib/db/client";

/** Every body for the admin list, city first, with how many units print it and who its clerks are. */
export async function listIssuingBodies() {
  const bodies = await prisma.issuingBody.findMany({
    orderBy: [{ isCity: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      superiorName: true,
      placeName: true,
      abbreviation: true,
      sealSha256: true,
      isCity: true,
      active: true,
      _count: { select: { units: true } },
      clerks: { where: { role: "CLERK", active: true }, select: { id: true, fullName: true }, orderBy: { fullName: "asc" } },
    },
  });
  return bodies.map(({ _count, ...body }) => ({ ...body, unitCount: _count.units }));
}

/**
 * The bodies a unit or a clerk may be given: active ones (a merged-away body is not offered), plus the
 * one they have now, so their form shows it rather than silently moving them.
 */
export async function listIssuingBodyOptions(currentBodyId?: string | null) {
  return prisma.issuingBody.findMany({
    where: { OR: [{ active: true }, ...(currentBodyId ? [{ id: currentBodyId }] : [])] },
    orderBy: [{ isCity: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
