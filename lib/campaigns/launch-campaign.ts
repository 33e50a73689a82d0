import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { issueCertificatesAhead } from "@/lib/signatures/issue-certificates-ahead";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { putFile } from "@/lib/storage/file-store";
import { idSchema } from "@/lib/forms/text-fields";
import { renderAssignmentPdf, unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import { parseTemplateContent } from "@/lib/documents/template-content";
import { issuingBodyForUnit } from "@/lib/issuing-bodies/issuing-body-for-unit";
import { unitSelectionSchema } from "./campaign-schemas";
import { resolveCampaignUnits, type CampaignUnit } from "./resolve-campaign-units";

class AlreadyLaunched extends Error {}

/**
 * Launches a DRAFT campaign (ADMIN): one assignment per unit, each with its PDF rendered once and stored
 * immutably by SHA-256. Refused, with nothing changed, when a unit has no active head, the deadline has
 * passed, or the campaign was already launched (the status flip is conditional, so two clicks launch once).
 */
export async function launchCampaign(
  actor: Actor | null,
  campaignId: string,
  context: AuditContext = {},
  now = new Date(),
): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { campaigns } = messagesFor(actor).admin;
  if (!idSchema("campaign").safeParse(campaignId).success) return failure(campaigns.notFound);
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, include: { templateVersion: true } });
  if (!campaign) return failure(campaigns.notFound);
  if (campaign.status !== "DRAFT") return failure(campaigns.alreadyLaunched);
  if (campaign.deadline <= now) return failure(campaigns.deadlinePassed);
  if (campaign.templateVersion.status !== "PUBLISHED") return failure(campaigns.templateSuperseded);

  const selection = unitSelectionSchema.parse(campaign.unitSelection);
  const { units } = await resolveCampaignUnits(prisma, selection);
  if (units.length === 0) return failure(campaigns.noActiveUnits);
  const headless = units.filter((u) => !u.head);
  if (headless.length > 0) {
    return failure(formatMessage(campaigns.headless, { count: headless.length, units: headless.map((u) => u.name).join(", ") }));
  }

  // Render before the transaction: it is the slow part and needs no lock.
  const content = parseTemplateContent(campaign.templateVersion.content);
  const copies: { unit: CampaignUnit; head: NonNullable<CampaignUnit["head"]>; pdf: Awaited<ReturnType<typeof renderAssignmentPdf>>; assignmentId: string }[] = [];
  for (const unit of units) {
    const head = unit.head!;
    let pdf;
    try {
      pdf = await renderAssignmentPdf(content, {
        unit: { name: unit.name, kind: unit.kind },
        headName: head.fullName,
        headTitle: head.jobTitle,
        documentDate: campaign.documentDate,
        issuingBody: await issuingBodyForUnit(unit.id),
        campaign,
      });
    } catch (error) {
      // A name or template stored before input refused characters the PDF font lacks: name them, launch nothing.
      const refusal = unprintableRefusal(error, actor);
      if (refusal === null) throw error;
      return failure(`${unit.name}: ${refusal}`);
    }
    copies.push({ unit, head, pdf, assignmentId: randomUUID() });
  }

  try {
    await prisma.$transaction(
      async (tx) => {
        const flipped = await tx.campaign.updateMany({
          where: { id: campaignId, status: "DRAFT" },
          data: { status: "LAUNCHED", launchedAt: now },
        });
        if (flipped.count === 0) throw new AlreadyLaunched();
        const hashes: string[] = [];
        for (const copy of copies) hashes.push(await putFile(tx, copy.pdf.bytes));
        await tx.assignment.createMany({
          data: copies.map((c, i) => ({
            id: c.assignmentId,
            campaignId,
            unitId: c.unit.id,
            headUserId: c.head.id,
            headName: c.head.fullName,
            headTitle: c.head.jobTitle,
            documentSha256: hashes[i],
          })),
        });
        await tx.assignmentDocument.createMany({
          data: copies.map((c, i) => ({
            assignmentId: c.assignmentId,
            kind: "ORIGINAL" as const,
            sha256: hashes[i],
            signatureSlots: c.pdf.signatureSlots as Prisma.InputJsonValue,
            createdById: actor.id,
          })),
        });
        await recordAuditEvent(tx, {
          ...context,
          type: "CAMPAIGN_LAUNCHED",
          campaignId,
          data: { units: copies.length, templateVersion: campaign.templateVersion.version, contentHash: campaign.templateVersion.contentHash },
        });
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof AlreadyLaunched) return failure(campaigns.alreadyLaunched);
    throw error;
  }
  // Each head's certificate now, not in their first signature on deadline day.
  await issueCertificatesAhead(copies.map((c) => c.head.id), now);
  return success(formatMessage(campaigns.launched, { count: copies.length }));
}
