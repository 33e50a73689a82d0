import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditEventType } from "@/lib/audit/audit-types";
import { createActor } from "@/lib/test/factories";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { changeWebhookEndpoint } from "./change-webhook-endpoint";
import { fanOutWebhookEvents, SETTLE_MS } from "./fan-out-webhook-events";
import { deliverDueWebhooks, LEASE_MS, RETRY_DELAYS_MS } from "./deliver-due-webhooks";
import { resendWebhookDelivery } from "./resend-webhook-delivery";
import { listWebhookEndpoints } from "./list-webhook-endpoints";
import { verifyWebhookSignature } from "./verify-webhook-signature";
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_SOURCES } from "./webhook-events";
import { startWebhookReceiver } from "./testing/webhook-receiver";

let admin: Actor;
const receivers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  admin = await createActor("ADMIN");
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await prisma.webhookEndpoint.deleteMany();
});

async function receiver(...args: Parameters<typeof startWebhookReceiver>) {
  const r = await startWebhookReceiver(...args);
  receivers.push(r);
  return r;
}

async function endpointAt(url: string, events: string[] = WEBHOOK_EVENT_NAMES) {
  const result = await createWebhookEndpoint(admin, { name: "Hệ thống tiếp nhận", url, events, enabled: true });
  expect(result.ok).toBe(true);
  const endpoint = await prisma.webhookEndpoint.findFirstOrThrow({ where: { url }, orderBy: { createdAt: "desc" } });
  return { id: endpoint.id, secret: result.secret! };
}

/** The events as the actions record them: in a transaction, through recordAuditEvent. */
async function happen(types: AuditEventType[]) {
  const ids = { campaignId: randomUUID(), assignmentId: randomUUID(), unitId: randomUUID() };
  for (const type of types) await prisma.$transaction((tx) => recordAuditEvent(tx, { type, ...ids, actorEmail: "secret.person@example.vn", data: { reason: "riêng tư" } }));
  return ids;
}

/** Past the settle window, so everything recorded so far is fanned out. */
const settled = () => new Date(Date.now() + SETTLE_MS + 1_000);
const ALL_TYPES = Object.values(WEBHOOK_EVENT_SOURCES);

describe("webhook delivery", () => {
  it("delivers every event type once, signed; the receiver's check accepts it and rejects forgeries", async () => {
    await happen(["ASSIGNMENT_SIGNED"]); // before the endpoint exists: never sent to it
    const r = await receiver();
    const { secret } = await endpointAt(r.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const ids = await happen([...ALL_TYPES, "LOGIN"]);
    expect(await fanOutWebhookEvents({ now: new Date() })).toBe(0); // not settled yet: a slower transaction may still commit
    const now = settled();
    expect(await fanOutWebhookEvents({ now })).toBe(ALL_TYPES.length);
    expect(await fanOutWebhookEvents({ now })).toBe(0); // idempotent
    expect(await deliverDueWebhooks({ now })).toEqual({ delivered: ALL_TYPES.length, failed: 0 });
    expect(await deliverDueWebhooks({ now })).toEqual({ delivered: 0, failed: 0 });

    expect(r.received.map((x) => x.headers["camket-event"]).sort()).toEqual([...WEBHOOK_EVENT_NAMES].sort());
    expect(r.uniqueIds().size).toBe(ALL_TYPES.length);
    for (const { headers, body } of r.received) {
      const payload = JSON.parse(body);
      expect(payload).toMatchObject({ id: headers["camket-webhook-id"], type: headers["camket-event"], data: ids });
      expect(body).not.toContain("secret.person");
      expect(body).not.toContain("riêng tư");
      const header = headers["camket-signature"] as string;
      expect(verifyWebhookSignature({ secret, header, body })).toBe(true);
      expect(verifyWebhookSignature({ secret, header, body: body.replace("assignment", "assignmenT") })).toBe(false);
      expect(verifyWebhookSignature({ secret: `${secret}x`, header, body })).toBe(false);
      expect(verifyWebhookSignature({ secret, header, body, nowMs: Date.now() + 6 * 60_000 })).toBe(false);
    }
  });

  it("a worker that dies mid-send loses nothing: after its lease another sends again, and two live workers never send the same delivery", async () => {
    const r = await receiver("hang");
    await endpointAt(r.url);
    await happen(ALL_TYPES);
    const now = settled();
    await fanOutWebhookEvents({ now });

    const dying = new AbortController();
    const first = deliverDueWebhooks({ now, signal: dying.signal });
    await expect.poll(() => r.received.length).toBe(ALL_TYPES.length);
    dying.abort(); // the process dies: no outcome recorded
    await expect(first).rejects.toThrow();
    expect(await prisma.webhookDelivery.count({ where: { status: "DELIVERED" } })).toBe(0);

    r.setMode(200);
    expect(await deliverDueWebhooks({ now })).toEqual({ delivered: 0, failed: 0 }); // still leased
    const afterLease = new Date(now.getTime() + LEASE_MS + 1);
    const [a, b] = await Promise.all([deliverDueWebhooks({ now: afterLease, limit: 4 }), deliverDueWebhooks({ now: afterLease, limit: 4 })]);
    expect(a.delivered + b.delivered).toBe(ALL_TYPES.length);
    expect(r.received.length).toBe(2 * ALL_TYPES.length); // each sent twice in all: once to the dead worker, once after
    expect(r.uniqueIds().size).toBe(ALL_TYPES.length); // deduped by Camket-Webhook-Id: every event exactly once
    expect(await prisma.webhookDelivery.count({ where: { status: "DELIVERED" } })).toBe(ALL_TYPES.length);
  });

  it("two workers at the same moment never both send the same delivery", async () => {
    const r = await receiver();
    await endpointAt(r.url);
    await happen(ALL_TYPES);
    const now = settled();
    await fanOutWebhookEvents({ now });
    const runs = await Promise.all([1, 2, 3].map(() => deliverDueWebhooks({ now, limit: 3 })));
    expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBe(ALL_TYPES.length);
    expect(r.received.length).toBe(ALL_TYPES.length);
  });

  it("a hanging and a failing endpoint are retried with backoff, then DEAD; resend delivers", async () => {
    const hanging = await receiver("hang");
    const failing = await receiver(500);
    const slow = await endpointAt(hanging.url, ["assignment.signed"]);
    const broken = await endpointAt(failing.url, ["assignment.signed"]);
    await happen(["ASSIGNMENT_SIGNED"]);
    let now = settled();
    await fanOutWebhookEvents({ now });
    for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
      expect(await deliverDueWebhooks({ now, timeoutMs: 100 })).toEqual({ delivered: 0, failed: 2 });
      expect(await deliverDueWebhooks({ now, timeoutMs: 100 })).toEqual({ delivered: 0, failed: 0 }); // not due again yet
      const rows = await prisma.webhookDelivery.findMany();
      for (const row of rows) {
        expect(row.attempts).toBe(attempt);
        if (attempt <= RETRY_DELAYS_MS.length) {
          expect(row).toMatchObject({ status: "FAILED", nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[attempt - 1]) });
        } else expect(row.status).toBe("DEAD");
      }
      if (attempt <= RETRY_DELAYS_MS.length) now = new Date(now.getTime() + RETRY_DELAYS_MS[attempt - 1]);
    }
    const log = new Map((await listWebhookEndpoints()).map((e) => [e.id, e.deliveries[0]]));
    expect(log.get(slow.id)).toMatchObject({ status: "DEAD", attempts: 7, lastError: "timeout", lastStatusCode: null });
    expect(log.get(broken.id)).toMatchObject({ status: "DEAD", attempts: 7, lastError: "http", lastStatusCode: 500 });
    expect(failing.received.length).toBe(7);
    expect(failing.uniqueIds().size).toBe(1);

    failing.setMode(204);
    const dead = log.get(broken.id)!;
    expect(await resendWebhookDelivery(await createActor("CHAIRPERSON"), dead.id)).toMatchObject({ ok: false });
    expect(await resendWebhookDelivery(admin, dead.id, {}, now)).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.findFirst({ where: { type: "ADMIN_CHANGE", data: { path: ["webhookDeliveryId"], equals: dead.id } } })).not.toBeNull();
    expect(await deliverDueWebhooks({ now, timeoutMs: 100 })).toEqual({ delivered: 1, failed: 0 });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "DELIVERED", lastStatusCode: 204 });
    expect(await resendWebhookDelivery(admin, dead.id, {}, now)).toMatchObject({ ok: false }); // delivered: nothing to resend
  });

  it("a disabled endpoint is not sent to; a redirect is not followed", async () => {
    const r = await receiver(302);
    const { id } = await endpointAt(r.url);
    await changeWebhookEndpoint(admin, id, { kind: "disable" });
    await happen(["CAMPAIGN_CLOSED"]);
    const now = settled();
    await fanOutWebhookEvents({ now });
    expect(await deliverDueWebhooks({ now })).toEqual({ delivered: 0, failed: 0 });
    await changeWebhookEndpoint(admin, id, { kind: "enable" });
    expect(await deliverDueWebhooks({ now })).toEqual({ delivered: 0, failed: 1 });
    expect(await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } })).toMatchObject({ status: "FAILED", lastError: "redirect", lastStatusCode: 302 });
  });
});
