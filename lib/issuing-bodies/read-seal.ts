import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { issuingBodyIdSchema } from "./issuing-body-schemas";

export type SealRead = { png: Uint8Array; sha256: string } | "forbidden" | "notFound";

/**
 * A body's seal image for its thumbnail: for the admin, and for the body's own clerks (who file under
 * it). Other roles and other bodies' clerks are refused; an unknown body or one without a seal is not found.
 */
export async function readSeal(actor: Actor, id: string): Promise<SealRead> {
  if (actor.role !== "ADMIN" && actor.role !== "CLERK") return "forbidden";
  if (actor.role === "CLERK") {
    const clerk = await prisma.user.findUnique({ where: { id: actor.id }, select: { issuingBodyId: true } });
    if (clerk?.issuingBodyId !== id) return "forbidden";
  }
  if (!issuingBodyIdSchema.safeParse(id).success) return "notFound";
  const body = await prisma.issuingBody.findUnique({ where: { id }, select: { sealPng: true, sealSha256: true } });
  if (!body?.sealPng || !body.sealSha256) return "notFound";
  return { png: body.sealPng, sha256: body.sealSha256 };
}
