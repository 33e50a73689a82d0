import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";

/** Puts a FAILED or DEAD delivery back in the queue, due now, with a fresh count of attempts (ADMIN). Audited. */
export async function resendWebhookDelivery(actor: Actor | null, deliveryId: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const t = messagesFor(actor).webhooks;
  const id = z.uuid().safeParse(deliveryId);
  if (!id.success) return failure(t.notFound);
  return prisma.$transaction(async (tx) => {
    const reset = await tx.webhookDelivery.updateMany({
      where: { id: id.data, status: { in: ["FAILED", "DEAD"] } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, leasedUntil: null },
    });
    if (reset.count === 0) return failure(t.notResendable);
    const delivery = await tx.webhookDelivery.findUniqueOrThrow({ where: { id: id.data }, select: { endpointId: true, auditEventId: true } });
    await recordAuditEvent(tx, {
      ...context,
      type: "ADMIN_CHANGE",
      data: { action: "resend-webhook-delivery", webhookDeliveryId: id.data, webhookEndpointId: delivery.endpointId, auditEventId: String(delivery.auditEventId) },
    });
    return success(t.resent);
  });
}
