import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";

const revokeSchema = z.object({ certificateId: idSchema("certificate"), reason: requiredText("revokeReason", 300) });

/** Revokes a certificate (ADMIN): its holder can no longer sign until an admin issues a new one. */
export async function revokeCertificate(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const parsed = revokeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.userCertificate.updateMany({
      where: { id: parsed.data.certificateId, revokedAt: null },
      data: { revokedAt: now, revokedReason: parsed.data.reason, revokedById: actor.id },
    });
    if (revoked.count === 0) return failure(m.certificateNotFound);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", at: now, data: { action: "revoke-certificate", certificateId: parsed.data.certificateId, reason: parsed.data.reason } });
    return success(m.certificateRevokedByAdmin);
  });
}
