import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { messagesFor } from "@/lib/i18n/messages-for";

const decisionSchema = z.object({ certificateId: idSchema("certificate"), decision: z.enum(["approve", "reject"]) });

/** ADMIN binds a registered certificate to its user, or refuses to; only a pending one, once, audited. */
export async function decideCertificateBinding(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { certificateId, decision } = parsed.data;
  const approve = decision === "approve";
  return prisma.$transaction(async (tx) => {
    const decided = await tx.userCertificate.updateMany({
      where: { id: certificateId, binding: "PENDING" },
      data: approve ? { binding: "BOUND", boundAt: now, boundById: actor.id } : { binding: "REJECTED", boundById: actor.id },
    });
    if (decided.count === 0) return failure(m.bindingNotFound);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", at: now, data: { action: approve ? "bind-certificate" : "refuse-certificate", certificateId } });
    return success(approve ? m.bindingApproved : m.bindingRejected);
  });
}
