"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { failure, formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { messagesFor } from "@/lib/i18n/messages-for";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { changeWebhookEndpoint, type WebhookEndpointChange } from "@/lib/webhooks/change-webhook-endpoint";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";

// Each action: who is asking (from the session), then the lib operation, which checks the role itself and
// validates the input. A secret comes back once in the result, for the form to show; it is never stored plain.

export type WebhookFormResult = FormResult & { secret?: string };

const CHANGES = new Set<WebhookEndpointChange["kind"]>(["enable", "disable", "rotate-secret", "delete"]);

export async function createWebhookEndpointAction(_prev: WebhookFormResult, formData: FormData): Promise<WebhookFormResult> {
  return runAction("createWebhookEndpointAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const input = { ...formDataToObject(form), events: form.getAll("events").filter((v) => typeof v === "string"), enabled: form.get("enabled") === "on" };
    const result = await createWebhookEndpoint(actor, input, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/webhook");
    return result;
  });
}

export async function changeWebhookEndpointAction(endpointId: string, kind: WebhookEndpointChange["kind"], _prev: WebhookFormResult): Promise<WebhookFormResult> {
  return runAction("changeWebhookEndpointAction", async () => {
    const actor = await getCurrentUser();
    if (!CHANGES.has(kind)) return failure(messagesFor(actor).webhooks.notFound);
    const result = await changeWebhookEndpoint(actor, endpointId, { kind }, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/webhook");
    return result;
  });
}

export async function resendWebhookDeliveryAction(deliveryId: string, _prev: WebhookFormResult): Promise<WebhookFormResult> {
  return runAction("resendWebhookDeliveryAction", async () => {
    const actor = await getCurrentUser();
    const result = await resendWebhookDelivery(actor, deliveryId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/webhook");
    return result;
  });
}
