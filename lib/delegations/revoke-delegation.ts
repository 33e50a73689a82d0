import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { messagesFor } from "@/lib/i18n/messages-for";

const revokeSchema = z.object({ delegationId: z.uuid() });

/** ADMIN revokes a delegation: from now the deputy can no longer sign under it (ADMIN_CHANGE). What they signed stays. */
export async function revokeDelegation(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).delegation.results;
  const parsed = revokeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { delegationId } = parsed.data;
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.delegation.updateMany({ where: { id: delegationId, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) {
      const exists = await tx.delegation.count({ where: { id: delegationId } });
      return failure(exists ? m.alreadyRevoked : m.notFound);
    }
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", at: now, data: { action: "revoke-delegation", delegationId } });
    return success(m.revoked);
  });
}
