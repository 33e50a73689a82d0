import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { documentFileName } from "@/lib/assignments/document-file-name";
import { registerNumber } from "@/lib/issuance/register-number";
import { canUseArchive } from "./archive-access";

/**
 * Every launched campaign with every assignment (superseded revisions too) and every stored version of its
 * PDF, with size and SHA-256: what /luu-tru lists. Null for anyone who may not see the archive.
 */
export async function listArchive(actor: Actor | null) {
  if (!canUseArchive(actor)) return null;
  const campaigns = await prisma.campaign.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: { launchedAt: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      deadline: true,
      launchedAt: true,
      templateVersion: { select: { version: true, contentHash: true } },
      assignments: {
        orderBy: [{ unit: { sortOrder: "asc" } }, { revision: "asc" }],
        select: {
          id: true,
          revision: true,
          status: true,
          headName: true,
          unit: { select: { name: true, slug: true } },
          outgoing: { select: { number: true, code: true, issuedAt: true, issuingBody: { select: { name: true } } } },
          documents: {
            orderBy: { createdAt: "asc" },
            select: { id: true, kind: true, sha256: true, createdAt: true, file: { select: { size: true } } },
          },
        },
      },
    },
  });
  return campaigns.map((campaign) => ({
    ...campaign,
    assignments: campaign.assignments.map(({ outgoing, ...a }) => ({
      ...a,
      issuance: outgoing && { numberAndCode: registerNumber(outgoing.number, outgoing.code), issuedAt: outgoing.issuedAt, issuingBody: outgoing.issuingBody.name },
      documents: a.documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        sha256: d.sha256,
        size: d.file.size,
        createdAt: d.createdAt,
        fileName: documentFileName(a.unit.slug, d.kind, a.revision),
      })),
    })),
  }));
}
