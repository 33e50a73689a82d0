import { webhookEventNameFor } from "./webhook-events";

type SourceEvent = { id: bigint; type: string; at: Date; campaignId: string | null; assignmentId: string | null; unitId: string | null };

/** Camket-Webhook-Id: one per audit event, the same on every retry — the receiver's idempotency key. */
export const webhookIdFor = (auditEventId: bigint): string => `evt_${auditEventId}`;

/**
 * The JSON body: ids only, so a receiver fetches what it may see through the API; no names, e-mails,
 * IP addresses or document content leave camket in a webhook.
 */
export function webhookPayload(event: SourceEvent): string {
  return JSON.stringify({
    id: webhookIdFor(event.id),
    type: webhookEventNameFor(event.type),
    occurredAt: event.at.toISOString(),
    data: { campaignId: event.campaignId, assignmentId: event.assignmentId, unitId: event.unitId },
  });
}
