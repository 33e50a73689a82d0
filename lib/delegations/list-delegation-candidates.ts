import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";

/** ADMIN: who may delegate (active unit heads and the chairperson) and who may be a deputy (active DEPUTY users). */
export async function listDelegationCandidates(actor: Actor) {
  if (!hasRole(actor, "ADMIN")) return { principals: [], deputies: [] };
  const users = await prisma.user.findMany({
    where: { active: true, role: { in: ["UNIT_HEAD", "CHAIRPERSON", "DEPUTY"] } },
    orderBy: { fullName: "asc" },
    select: { id: true, fullName: true, jobTitle: true, role: true, unit: { select: { name: true } } },
  });
  return { principals: users.filter((u) => u.role !== "DEPUTY"), deputies: users.filter((u) => u.role === "DEPUTY") };
}
