import { prisma } from "@/lib/db/client";
import { unitIdSchema } from "./unit-schemas";

/** One unit with its active head and its other members; null for an unknown or malformed id. */
export async function getUnit(id: string) {
  if (!unitIdSchema.safeParse(id).success) return null;
  return prisma.unit.findUnique({
    where: { id },
    include: {
      users: {
        orderBy: [{ active: "desc" }, { fullName: "asc" }],
        select: { id: true, fullName: true, jobTitle: true, email: true, role: true, active: true },
      },
    },
  });
}
