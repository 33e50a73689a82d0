import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { SigningMethod } from "@/lib/generated/prisma/enums";

/** The ways of signing the admin allows this person (the signing screens offer only these). */
export async function getSigningMethods(actor: Actor): Promise<SigningMethod[]> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { signingMethods: true } });
  return user?.signingMethods ?? [];
}
