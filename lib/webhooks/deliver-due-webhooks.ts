import { prisma } from "@/lib/db/client";
import { decryptWebhookSecret } from "./webhook-secret";
import { signWebhookPayload } from "./sign-webhook-payload";
import { webhookIdFor, webhookPayload } from "./webhook-payload";
import { webhookEventNameFor } from "./webhook-events";

/** Waits after failed attempts 1…6; the 7th failure makes the delivery DEAD. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 24 * 3_600_000];
const TIMEOUT_MS = 10_000;
/** Longer than any send (the timeout) so a live worker never loses its lease; short enough to recover a dead one. */
export const LEASE_MS = 60_000;
const BATCH = 20;

export type WebhookFailureReason = "timeout" | "unreachable" | "redirect" | "http";
type Outcome = { ok: true; status: number } | { ok: false; status: number | null; reason: WebhookFailureReason };

type Options = { now?: Date; timeoutMs?: number; limit?: number; signal?: AbortSignal };

/**
 * Sends the deliveries that are due. Each is claimed with FOR UPDATE SKIP LOCKED and leased until
 * now + LEASE_MS, so instances running side by side never send the same one at once; a worker that dies
 * mid-send leaves the lease to expire and the next worker sends again (at least once — receivers dedupe by
 * Camket-Webhook-Id). The result is written only while the lease is still this worker's.
 */
export async function deliverDueWebhooks(options: Options = {}): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date();
  const leasedUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" SET "leasedUntil" = ${leasedUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      WHERE d."status" IN ('PENDING', 'FAILED') AND d."nextAttemptAt" <= ${now} AND e."enabled"
        AND (d."leasedUntil" IS NULL OR d."leasedUntil" <= ${now})
      ORDER BY d."nextAttemptAt" LIMIT ${options.limit ?? BATCH}
      FOR UPDATE OF d SKIP LOCKED)
    RETURNING "id"`;
  if (claimed.length === 0) return { delivered: 0, failed: 0 };
  const deliveries = await prisma.webhookDelivery.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    include: { endpoint: { select: { id: true, url: true, secretEncrypted: true } } },
  });
  const events = await prisma.auditEvent.findMany({ where: { id: { in: deliveries.map((d) => d.auditEventId) } } });
  const eventById = new Map(events.map((event) => [event.id, event]));
  const outcomes = await Promise.all(
    deliveries.map(async (delivery) => {
      const event = eventById.get(delivery.auditEventId)!;
      const body = webhookPayload(event);
      const secret = decryptWebhookSecret(delivery.endpoint.secretEncrypted, delivery.endpoint.id);
      const outcome = await post(delivery.endpoint.url, body, {
        "Camket-Webhook-Id": webhookIdFor(event.id),
        "Camket-Event": webhookEventNameFor(event.type) ?? event.type,
        "Camket-Signature": signWebhookPayload(secret, body, Math.floor(Date.now() / 1000)),
      }, options);
      await recordOutcome(delivery.id, delivery.attempts, leasedUntil, outcome, now);
      return outcome.ok;
    }),
  );
  const delivered = outcomes.filter(Boolean).length;
  return { delivered, failed: outcomes.length - delivered };
}

async function post(url: string, body: string, headers: Record<string, string>, options: Options): Promise<Outcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    // Redirects are not followed: the registered URL is the one trusted with the event.
    const response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, redirect: "manual", signal });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, reason: response.status >= 300 && response.status < 400 ? "redirect" : "http" };
  } catch (error) {
    // An abort by the caller is the worker dying: let it propagate, nothing is recorded.
    if (options.signal?.aborted) throw error;
    return { ok: false, status: null, reason: timeout.aborted ? "timeout" : "unreachable" };
  }
}

async function recordOutcome(id: string, attempts: number, lease: Date, outcome: Outcome, now: Date): Promise<void> {
  const data = outcome.ok
    ? { status: "DELIVERED", deliveredAt: now, lastStatusCode: outcome.status, lastError: null }
    : attempts > RETRY_DELAYS_MS.length
      ? { status: "DEAD", lastStatusCode: outcome.status, lastError: outcome.reason }
      : { status: "FAILED", nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]), lastStatusCode: outcome.status, lastError: outcome.reason };
  // Only while the lease is ours: a worker that outlived its lease must not overwrite the newer attempt.
  await prisma.webhookDelivery.updateMany({ where: { id, leasedUntil: lease }, data: { ...data, leasedUntil: null } });
}
