import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { idSchema } from "@/lib/forms/text-fields";
import { findClerkBody } from "@/lib/issuance/find-clerk-body";
import { issuingBodyForUnit } from "@/lib/issuing-bodies/issuing-body-for-unit";
import { deputyStanding, type DeputyStanding } from "@/lib/delegations/deputy-standing";

/**
 * An assignment as the actor may see it, or null — for a head, any other unit's assignment is simply not
 * there (404, nothing leaks, not even that it exists); a deputy sees one only while a delegation lets them
 * act on it (`actingUnder`); a clerk, those of their issuing body's units. City-level roles see every unit's.
 */
export async function getAssignmentForActor(actor: Actor | null, id: string, now = new Date()) {
  if (!actor || !idSchema("assignment").safeParse(id).success) return null;
  const assignment = await prisma.assignment.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, name: true, kind: true, slug: true } },
      campaign: { include: { templateVersion: { select: { version: true, content: true, contentHash: true } } } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, sha256: true, createdAt: true, signatureSlots: true } },
      outgoing: { select: { number: true, issuedAt: true } },
      // The last document timestamp (B-LTA) and when its renewal is due.
      archiveTimestamps: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, tsaCertificateExpiresAt: true } },
    },
  });
  if (!assignment) return null;
  if (actor.role === "UNIT_HEAD") return actor.unitId === assignment.unitId ? withStanding(assignment, null) : null;
  if (actor.role === "CLERK") {
    // A clerk files for one body: its units' documents only (a ward's văn thư has no business in another's).
    const [clerkBody, body] = await Promise.all([findClerkBody(actor), issuingBodyForUnit(assignment.unitId)]);
    return clerkBody?.id === body.id ? withStanding(assignment, null) : null;
  }
  if (actor.role === "DEPUTY") {
    const standing = await deputyStanding(actor, assignment, now);
    return standing ? withStanding(assignment, standing) : null;
  }
  return withStanding(assignment, null);
}

const withStanding = <T extends object>(assignment: T, actingUnder: DeputyStanding | null) => ({ ...assignment, actingUnder });

export type AssignmentForActor = NonNullable<Awaited<ReturnType<typeof getAssignmentForActor>>>;
