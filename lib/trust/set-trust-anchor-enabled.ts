import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";

const anchorIdSchema = z.string().min(1).max(100).regex(/^[0-9A-Za-z-]+$/);

/** Enables or disables a trust anchor (ADMIN): while disabled, no certificate chains to it. Audited. */
export async function setTrustAnchorEnabled(actor: Actor | null, anchorId: unknown, enabled: unknown, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const t = messagesFor(actor).admin.trustList;
  const id = anchorIdSchema.safeParse(anchorId);
  if (!id.success || typeof enabled !== "boolean") return failure(t.notFound);
  return prisma.$transaction(async (tx) => {
    const anchor = await tx.trustAnchor.findUnique({ where: { id: id.data }, select: { subject: true, sha256Fingerprint: true } });
    if (!anchor) return failure(t.notFound);
    await tx.trustAnchor.update({ where: { id: id.data }, data: { enabled } });
    await recordAuditEvent(tx, {
      ...context,
      type: "ADMIN_CHANGE",
      data: { action: enabled ? "enable-trust-anchor" : "disable-trust-anchor", trustAnchorId: id.data, subject: anchor.subject, sha256Fingerprint: anchor.sha256Fingerprint },
    });
    return success(formatMessage(enabled ? t.enabledResult : t.disabledResult, { subject: anchor.subject }));
  });
}
