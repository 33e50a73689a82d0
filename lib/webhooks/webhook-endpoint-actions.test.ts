import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { createActor } from "@/lib/test/factories";
import { vi as viMessages } from "@/lib/i18n/messages/vi";
import { en as enMessages } from "@/lib/i18n/messages/en";
import { decryptWebhookSecret } from "./webhook-secret";

let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => sessionActor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "webhook-endpoint-actions.test" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const { createWebhookEndpointAction, changeWebhookEndpointAction } = await import("@/app/(app)/quan-tri/webhook/actions");
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
};
const valid = { name: "Cổng dịch vụ công", url: "https://hooks.example.vn/camket", events: ["assignment.signed", "campaign.closed"], enabled: "on" };

describe("webhook admin actions", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await createActor("ADMIN");
  });

  it("a non-admin (or nobody) is refused and nothing is stored", async () => {
    const before = await prisma.webhookEndpoint.count();
    for (const actor of [await createActor("UNIT_HEAD"), await createActor("CHAIRPERSON"), await createActor("AUDITOR"), null]) {
      sessionActor = actor;
      expect(await createWebhookEndpointAction({ ok: false }, form(valid))).toEqual({ ok: false, message: viMessages.common.form.forbidden });
    }
    expect(await prisma.webhookEndpoint.count()).toBe(before);
  });

  it("a bad URL or no event → field errors in the reader's language, nothing stored", async () => {
    sessionActor = admin;
    const before = await prisma.webhookEndpoint.count();
    for (const url of ["ftp://hooks.example.vn/x", "javascript:alert(1)", "not a url", "https://user:pw@example.vn/"]) {
      const result = await createWebhookEndpointAction({ ok: false }, form({ ...valid, url }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { url: [viMessages.webhooks.validation.urlInvalid] } });
    }
    const { events: _events, ...noEvents } = valid;
    expect(await createWebhookEndpointAction({ ok: false }, form(noEvents))).toMatchObject({ fieldErrors: { events: [viMessages.webhooks.validation.eventsRequired] } });
    expect(await createWebhookEndpointAction({ ok: false }, form({ ...valid, events: ["assignment.deleted"] }))).toMatchObject({ fieldErrors: { events: [viMessages.webhooks.validation.eventUnknown] } });
    sessionActor = { ...admin, locale: "en" };
    expect(await createWebhookEndpointAction({ ok: false }, form({ ...valid, url: "ftp://x" }))).toMatchObject({ fieldErrors: { url: [enMessages.webhooks.validation.urlInvalid] } });
    vi.stubEnv("NODE_ENV", "production");
    sessionActor = admin;
    expect(await createWebhookEndpointAction({ ok: false }, form({ ...valid, url: "http://hooks.example.vn/" }))).toMatchObject({ fieldErrors: { url: [viMessages.webhooks.validation.urlPlainHttp] } });
    vi.unstubAllEnvs();
    expect(await prisma.webhookEndpoint.count()).toBe(before);
  });

  it("creates an endpoint, audited; the secret is shown once and stored only encrypted; rotate and delete are audited", async () => {
    sessionActor = admin;
    const result = await createWebhookEndpointAction({ ok: false }, form(valid));
    expect(result.ok).toBe(true);
    const secret = result.secret!;
    const endpoint = await prisma.webhookEndpoint.findFirstOrThrow({ where: { name: valid.name } });
    expect(endpoint).toMatchObject({ url: valid.url, events: valid.events, enabled: true });
    const [raw] = await prisma.$queryRaw<{ secretEncrypted: Uint8Array }[]>`SELECT "secretEncrypted" FROM "WebhookEndpoint" WHERE id = ${endpoint.id}`;
    const rawBytes = Buffer.from(raw.secretEncrypted);
    expect(rawBytes.includes(Buffer.from(secret))).toBe(false);
    expect(rawBytes.includes(Buffer.from(secret.slice(6)))).toBe(false);
    expect(decryptWebhookSecret(rawBytes, endpoint.id)).toBe(secret);
    expect(() => decryptWebhookSecret(rawBytes, crypto.randomUUID())).toThrow(); // bound to its row

    const rotated = await changeWebhookEndpointAction(endpoint.id, "rotate-secret", { ok: false });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    expect(await changeWebhookEndpointAction(endpoint.id, "delete", { ok: false })).toMatchObject({ ok: true });
    expect(await prisma.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
    const actions = await prisma.auditEvent.findMany({ where: { type: "ADMIN_CHANGE", actorId: admin.id, data: { path: ["webhookEndpointId"], equals: endpoint.id } }, orderBy: { id: "asc" } });
    expect(actions.map((a) => (a.data as { action: string }).action)).toEqual(["create-webhook-endpoint", "rotate-secret-webhook-endpoint", "delete-webhook-endpoint"]);
    expect(JSON.stringify(actions.map((a) => a.data))).not.toContain(secret);
    expect(JSON.stringify(actions.map((a) => a.data))).not.toContain(rotated.secret);
  });

  it("an unknown change kind is refused", async () => {
    sessionActor = admin;
    expect(await changeWebhookEndpointAction(crypto.randomUUID(), "explode" as never, { ok: false })).toMatchObject({ ok: false });
  });
});
