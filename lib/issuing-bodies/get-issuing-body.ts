import { prisma } from "@/lib/db/client";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { issuingBodyIdSchema } from "./issuing-body-schemas";

/** One body for its admin page: fields, units, clerks and this year's register position; null when unknown. */
export async function getIssuingBody(id: string, now = new Date()) {
  if (!issuingBodyIdSchema.safeParse(id).success) return null;
  const year = Number(vietnamToday(now).slice(0, 4));
  const body = await prisma.issuingBody.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      superiorName: true,
      placeName: true,
      abbreviation: true,
      sealSha256: true,
      sealDiameterMm: true,
      isCity: true,
      active: true,
      units: { select: { id: true, name: true, active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] },
      clerks: { where: { role: "CLERK" }, select: { id: true, fullName: true, email: true, active: true }, orderBy: { fullName: "asc" } },
      counters: { where: { year }, select: { lastNumber: true } },
      outgoing: { where: { year }, select: { number: true }, orderBy: { number: "desc" }, take: 1 },
    },
  });
  if (!body) return null;
  const { counters, outgoing, ...rest } = body;
  return { ...rest, register: { year, nextNumber: (counters[0]?.lastNumber ?? 0) + 1, highestUsed: outgoing[0]?.number ?? 0 } };
}
