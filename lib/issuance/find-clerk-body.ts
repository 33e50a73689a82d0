import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";

export type ClerkBody = { id: string; name: string; hasSeal: boolean };

/** The issuing body a CLERK files for (User.issuingBodyId), or null: another role, or a clerk not yet attached to one. */
export async function findClerkBody(actor: Actor): Promise<ClerkBody | null> {
  if (actor.role !== "CLERK") return null;
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { issuingBody: { select: { id: true, name: true, sealSha256: true } } } });
  const body = user?.issuingBody;
  return body ? { id: body.id, name: body.name, hasSeal: body.sealSha256 !== null } : null;
}
