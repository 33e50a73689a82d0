import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { secondFactorRequired } from "./second-factor-policy";

import type { SecondFactorState } from "./second-factor-pages";

/** A new session's state (second-factor-pages), read at sign-in for every provider alike. */
export async function secondFactorStateAtSignIn(user: { id: string; role: Role }): Promise<SecondFactorState> {
  const factor = await prisma.secondFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  if (factor?.enabledAt) return "pending";
  return secondFactorRequired(user.role) ? "enrol" : "done";
}
