import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { issuingBodyIdSchema } from "./issuing-body-schemas";

/**
 * A body's seal image for its thumbnail: the admin, and the body's own clerks (who file under it); null
 * for anyone else, an unknown body or a body without a seal — the caller answers all three alike.
 */
export async function readSeal(actor: Actor | null, id: string): Promise<{ png: Uint8Array; sha256: string } | null> {
  if (!actor || !issuingBodyIdSchema.safeParse(id).success) return null;
  if (actor.role !== "ADMIN" && actor.role !== "CLERK") return null;
  const body = await prisma.issuingBody.findUnique({ where: { id }, select: { sealPng: true, sealSha256: true } });
  if (!body?.sealPng || !body.sealSha256) return null;
  if (actor.role === "CLERK") {
    const clerk = await prisma.user.findUnique({ where: { id: actor.id }, select: { issuingBodyId: true } });
    if (clerk?.issuingBodyId !== id) return null;
  }
  return { png: body.sealPng, sha256: body.sealSha256 };
}
