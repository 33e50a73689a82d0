import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { commitmentContentSchema } from "@/lib/documents/commitment-content";

/**
 * Saves the admin's edits into the one open draft (creating it as the next version when there is none).
 * Published versions are never touched: editing always happens on a draft.
 */
export async function saveTemplateDraft(actor: Actor | null, content: unknown, context: AuditContext = {}): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const parsed = commitmentContentSchema.safeParse(content);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const json = parsed.data as Prisma.InputJsonValue;

  return prisma.$transaction(async (tx) => {
    // Serialise draft creation: two admins saving at once must not create two drafts.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(73012018)`;
    const draft = await tx.templateVersion.findFirst({ where: { status: "DRAFT" } });
    const saved = draft
      ? await tx.templateVersion.update({ where: { id: draft.id }, data: { content: json } })
      : await tx.templateVersion.create({
          data: {
            version: ((await tx.templateVersion.aggregate({ _max: { version: true } }))._max.version ?? 0) + 1,
            content: json,
            createdById: actor.id,
          },
        });
    await recordAuditEvent(tx, { ...context, type: "TEMPLATE_SAVED", data: { version: saved.version } });
    return { ...success(formatMessage(messagesFor(actor).admin.templates.draftSaved, { version: saved.version })), id: saved.id };
  });
}

/** Starts a draft from an existing version's content (usually the published one); an open draft is kept as is. */
export async function startDraftFrom(actor: Actor | null, versionId: string, context: AuditContext = {}): Promise<FormResult & { id?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { templates } = messagesFor(actor).admin;
  // A malformed id is refused before anything else, even while a draft is open (that answer redirects to it).
  if (typeof versionId !== "string" || !/^[0-9a-f-]{36}$/i.test(versionId)) return failure(templates.notFound);
  const open = await prisma.templateVersion.findFirst({ where: { status: "DRAFT" }, select: { id: true, version: true } });
  if (open) return { ...success(formatMessage(templates.draftOpen, { version: open.version })), id: open.id };
  const source = await prisma.templateVersion.findUnique({ where: { id: versionId } });
  if (!source) return failure(templates.notFound);
  return saveTemplateDraft(actor, source.content, context);
}
