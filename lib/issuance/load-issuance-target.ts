import { prisma } from "@/lib/db/client";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import type { SigningTarget } from "@/lib/signatures/load-signing-context";
import { issuingBodyForUnit } from "@/lib/issuing-bodies/issuing-body-for-unit";

/** Everything issuing one assignment needs before the PDF work: the signing target and the register's facts. */
export type IssuanceTarget = {
  target: SigningTarget;
  campaign: { name: string; status: CampaignStatus; closedAt: Date | null; recipients: string[]; documentTypeCode: string; subject: string };
  body: { id: string; name: string; placeName: string; abbreviation: string; sealPng: Uint8Array | null; sealDiameterMm: number };
  /** Who is told the document was issued: the head named on it and whoever countersigned. */
  notify: { headEmail: string; chairpersonEmail: string | null };
};

/** The assignment with its unit's issuing body (the city's when the unit has none), or null when there is no such assignment. */
export async function loadIssuanceTarget(assignmentId: string): Promise<IssuanceTarget | null> {
  const a = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    include: {
      unit: { select: { name: true } },
      head: { select: { email: true } },
      campaign: { select: { name: true, status: true, deadline: true, closedAt: true, recipients: true, documentTypeCode: true, templateVersion: { select: { content: true } } } },
      documents: { where: { kind: { in: ["ORIGINAL", "COUNTERSIGNED"] } }, select: { kind: true, signatureSlots: true, createdById: true } },
    },
  });
  if (!a) return null;
  const header = await issuingBodyForUnit(a.unitId);
  const body = await prisma.issuingBody.findUniqueOrThrow({
    where: { id: header.id },
    select: { id: true, name: true, placeName: true, abbreviation: true, sealPng: true, sealDiameterMm: true },
  });
  const countersignerId = a.documents.find((d) => d.kind === "COUNTERSIGNED")?.createdById;
  const chairperson = countersignerId ? await prisma.user.findUnique({ where: { id: countersignerId }, select: { email: true } }) : null;
  const { templateVersion, deadline: _deadline, ...campaign } = a.campaign;
  return {
    target: {
      id: a.id,
      unitId: a.unitId,
      unitName: a.unit.name,
      campaignId: a.campaignId,
      status: a.status,
      documentSha256: a.documentSha256,
      headUserId: a.headUserId,
      headName: a.headName,
      slots: a.documents.find((d) => d.kind === "ORIGINAL")?.signatureSlots ?? null,
      campaignStatus: a.campaign.status,
      deadline: a.campaign.deadline,
      reopenedUntil: a.reopenedUntil,
      // The clerk signs for the body, never in someone's place.
      delegation: null,
    },
    campaign: { ...campaign, subject: subjectOf(templateVersion.content) },
    body: { ...body, sealPng: body.sealPng ? new Uint8Array(body.sealPng) : null },
    notify: { headEmail: a.head.email, chairpersonEmail: chairperson?.email ?? null },
  };
}

/** Trích yếu: the template's subject line under the document type ("Trách nhiệm của người đứng đầu về …"). */
function subjectOf(content: unknown): string {
  const subtitle = (content as { subtitle?: unknown } | null)?.subtitle;
  return typeof subtitle === "string" ? subtitle.normalize("NFC").replace(/\s+/g, " ").trim() : "";
}
