import { prisma } from "@/lib/db/client";

/** Declined assignments with their reasons, for the chairperson and admin to read and reissue. */
export function listDeclinedAssignments() {
  return prisma.assignment.findMany({
    // A closed campaign's declined copies are final: nothing to reissue.
    where: { status: "DECLINED", campaign: { status: "LAUNCHED" } },
    orderBy: { declinedAt: "desc" },
    select: { id: true, declineReason: true, declinedAt: true, headName: true, unit: { select: { name: true } }, campaign: { select: { name: true } } },
  });
}
