import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { canUseArchive } from "@/lib/archive/archive-access";

/** The actor's own tokens, newest first (never the token or its hash). */
export async function listApiTokens(actor: Actor | null) {
  if (!canUseArchive(actor)) return [];
  return prisma.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
