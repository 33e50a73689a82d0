import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { idSchema } from "@/lib/forms/text-fields";

/**
 * An assignment as the actor may see it, or null — for a head, any other unit's assignment is simply not
 * there (404, nothing leaks, not even that it exists). City-level roles see every unit's.
 */
export async function getAssignmentForActor(actor: Actor | null, id: string) {
  if (!actor || !idSchema("assignment").safeParse(id).success) return null;
  const assignment = await prisma.assignment.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, name: true, kind: true, slug: true } },
      campaign: { include: { templateVersion: { select: { version: true, content: true, contentHash: true } } } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, sha256: true, createdAt: true, signatureSlots: true } },
    },
  });
  if (!assignment) return null;
  if (actor.role === "UNIT_HEAD") return actor.unitId === assignment.unitId ? assignment : null;
  return assignment;
}

export type AssignmentForActor = NonNullable<Awaited<ReturnType<typeof getAssignmentForActor>>>;
