import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { canonicalContentHash, commitmentContentSchema } from "@/lib/documents/commitment-content";
import { idSchema } from "@/lib/forms/text-fields";

/**
 * Freezes a draft (ADMIN): its content is validated again, hashed, and from then on the database refuses any
 * edit. The previously published version becomes SUPERSEDED; campaigns already launched keep their copies.
 */
export async function publishTemplateVersion(actor: Actor | null, versionId: string, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { templates } = messagesFor(actor).admin;
  if (!idSchema("templateVersion").safeParse(versionId).success) return failure(templates.notFound);
  return prisma.$transaction(async (tx) => {
    const draft = await tx.templateVersion.findUnique({ where: { id: versionId } });
    if (!draft) return failure(templates.notFound);
    if (draft.status !== "DRAFT") return failure(formatMessage(templates.alreadyPublished, { version: draft.version }));
    const parsed = commitmentContentSchema.safeParse(draft.content);
    if (!parsed.success) return invalidInput(parsed.error, actor);
    const contentHash = canonicalContentHash(parsed.data);
    await tx.templateVersion.updateMany({ where: { status: "PUBLISHED" }, data: { status: "SUPERSEDED" } });
    const published = await tx.templateVersion.updateMany({
      where: { id: versionId, status: "DRAFT" },
      data: { status: "PUBLISHED", contentHash, publishedAt: now },
    });
    if (published.count === 0) return failure(templates.publishedMeanwhile);
    await recordAuditEvent(tx, { ...context, type: "TEMPLATE_PUBLISHED", data: { version: draft.version, contentHash } });
    return success(formatMessage(templates.published, { version: draft.version, hash: contentHash.slice(0, 12) }));
  });
}
