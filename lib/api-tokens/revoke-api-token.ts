import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { canUseArchive } from "@/lib/archive/archive-access";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";

/** Revokes one of the actor's own tokens; from then on it answers 401. */
export async function revokeApiToken(actor: Actor | null, tokenId: string, context: AuditContext = {}): Promise<FormResult> {
  if (!canUseArchive(actor)) return forbidden(actor);
  const m = messagesFor(actor).archive.apiTokens;
  if (!idSchema("apiToken").safeParse(tokenId).success) return failure(m.notFound);
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) return failure(m.notFoundOrRevoked);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "revoke-api-token", tokenId } });
    return success(m.revoked);
  });
}
