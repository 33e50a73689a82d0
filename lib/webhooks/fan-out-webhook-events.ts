import { prisma } from "@/lib/db/client";
import { WEBHOOK_EVENT_SOURCES, type WebhookEventName } from "./webhook-events";

/**
 * How old an audit event must be before it is fanned out. Ids come from a sequence taken at insert, so a
 * transaction that took id 41 may commit after one that took id 42; a cursor moved past 42 at that moment
 * would skip 41 for ever. Audit appends are serialised by the chain lock (camket_audit_chain_head) today,
 * which already keeps ids in commit order, but the outbox must not silently depend on that: waiting a few
 * seconds past an event's time covers any transaction still committing, at the cost of a few seconds' delay.
 */
export const SETTLE_MS = 5_000;

/**
 * Turns new audit events into WebhookDelivery rows, endpoint by endpoint, after each endpoint's cursor.
 * Idempotent: the row is unique per (endpoint, event) and the cursor moves by compare-and-set, so two
 * instances fanning out at once add each delivery once. Returns how many deliveries were added.
 */
export async function fanOutWebhookEvents(options: { now?: Date } = {}): Promise<number> {
  const settledBefore = new Date((options.now ?? new Date()).getTime() - SETTLE_MS);
  const newest = await prisma.auditEvent.findFirst({ where: { at: { lte: settledBefore } }, orderBy: { id: "desc" }, select: { id: true } });
  if (!newest) return 0;
  const endpoints = await prisma.webhookEndpoint.findMany({ where: { cursor: { lt: newest.id } }, select: { id: true, cursor: true, events: true } });
  let added = 0;
  for (const endpoint of endpoints) {
    added += await prisma.$transaction(async (tx) => {
      const events = await tx.auditEvent.findMany({
        where: {
          id: { gt: endpoint.cursor, lte: newest.id },
          type: { in: endpoint.events.map((name) => WEBHOOK_EVENT_SOURCES[name as WebhookEventName]).filter(Boolean) },
        },
        select: { id: true, type: true },
      });
      const moved = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, cursor: endpoint.cursor }, data: { cursor: newest.id } });
      if (moved.count === 0) return 0; // another instance fanned this range out
      const created = await tx.webhookDelivery.createMany({
        data: events.map((event) => ({ endpointId: endpoint.id, auditEventId: event.id, eventType: event.type, nextAttemptAt: options.now ?? new Date() })),
        skipDuplicates: true,
      });
      return created.count;
    });
  }
  return added;
}
