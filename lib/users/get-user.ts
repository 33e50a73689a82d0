import { prisma } from "@/lib/db/client";
import { userIdSchema } from "./user-schemas";

/** One user for the admin screens (never the password hash); null for an unknown or malformed id. */
export async function getUser(id: string) {
  if (!userIdSchema.safeParse(id).success) return null;
  return prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      fullName: true,
      jobTitle: true,
      role: true,
      unitId: true,
      issuingBodyId: true,
      active: true,
      signingMethods: true,
      certificateIdentifier: true,
      createdAt: true,
      updatedAt: true,
      unit: { select: { id: true, name: true } },
    },
  });
}
