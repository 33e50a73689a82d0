import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether a unit or clerk may be given this body: it exists and is active — or it is the one they
 * already have, so editing a unit left on a merged-away body does not force a move in the same save.
 */
export async function bodyChoosable(tx: Prisma.TransactionClient, bodyId: string, currentBodyId: string | null | undefined): Promise<"ok" | "notFound" | "inactive"> {
  const body = await tx.issuingBody.findUnique({ where: { id: bodyId }, select: { active: true } });
  if (!body) return "notFound";
  return body.active || bodyId === currentBodyId ? "ok" : "inactive";
}
