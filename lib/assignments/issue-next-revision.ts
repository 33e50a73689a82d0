import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { renderAssignmentPdf } from "@/lib/documents/render-assignment-pdf";
import { parseTemplateContent } from "@/lib/documents/template-content";
import { putFile } from "@/lib/storage/file-store";
import { issuingBodyForUnit } from "@/lib/issuing-bodies/issuing-body-for-unit";
import { prisma } from "@/lib/db/client";

/** The revision being replaced, with what its document is rendered from. */
export type RevisionSource = {
  id: string;
  campaignId: string;
  unitId: string;
  revision: number;
  unit: { name: string; kind: UnitKind };
  campaign: { documentDate: Date; recipients: string[]; documentTypeCode: string; templateVersion: { content: unknown } };
};

/** The head the new revision is printed for ("Tôi, <họ tên>, <chức vụ>…"). */
export type RevisionHead = { id: string; fullName: string; jobTitle: string };

/**
 * The campaign's template rendered for `head` under the unit's issuing body as it is now: the new revision's
 * bytes and signature slots. `db`: the transaction's client when called inside one.
 */
export async function renderRevision(source: RevisionSource, head: RevisionHead, db: Prisma.TransactionClient = prisma) {
  return renderAssignmentPdf(parseTemplateContent(source.campaign.templateVersion.content), {
    unit: { name: source.unit.name, kind: source.unit.kind },
    headName: head.fullName,
    headTitle: head.jobTitle,
    documentDate: source.campaign.documentDate,
    issuingBody: await issuingBodyForUnit(source.unitId, db),
    campaign: source.campaign,
  });
}

/**
 * Stores `pdf` as `source`'s next revision, PENDING and naming `head`. The caller has already moved
 * `source` to SUPERSEDED in the same transaction (one live revision per unit and campaign), so the old
 * revision and its documents stay as history.
 */
export async function storeNextRevision(
  tx: Prisma.TransactionClient,
  source: RevisionSource,
  head: RevisionHead,
  pdf: Awaited<ReturnType<typeof renderRevision>>,
  createdById: string,
): Promise<{ id: string; revision: number }> {
  const sha256 = await putFile(tx, pdf.bytes);
  const id = randomUUID();
  const revision = source.revision + 1;
  await tx.assignment.create({
    data: {
      id,
      campaignId: source.campaignId,
      unitId: source.unitId,
      revision,
      headUserId: head.id,
      headName: head.fullName,
      headTitle: head.jobTitle,
      documentSha256: sha256,
      documents: {
        create: { kind: "ORIGINAL", sha256, signatureSlots: pdf.signatureSlots as Prisma.InputJsonValue, createdById },
      },
    },
  });
  return { id, revision };
}
