import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { webhookEndpointInputSchema } from "./webhook-endpoint-schemas";
import { encryptWebhookSecret, generateWebhookSecret } from "./webhook-secret";

/**
 * Registers an endpoint (ADMIN). The secret is generated here and returned once for the admin to copy;
 * only its encryption is stored. The cursor starts at the newest audit event, read after this change's own
 * event under the audit chain lock, so the endpoint hears only of what happens after it exists. Audited.
 */
export async function createWebhookEndpoint(actor: Actor | null, input: unknown, context: AuditContext = {}): Promise<FormResult & { secret?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const parsed = webhookEndpointInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { name, url, events, enabled } = parsed.data;
  const id = randomUUID();
  const secret = generateWebhookSecret();
  await prisma.$transaction(async (tx) => {
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "create-webhook-endpoint", webhookEndpointId: id, name, url, events, enabled } });
    const newest = await tx.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    await tx.webhookEndpoint.create({ data: { id, name, url, events, enabled, secretEncrypted: encryptWebhookSecret(secret, id), cursor: newest.id } });
  });
  return { ...success(formatMessage(messagesFor(actor).webhooks.created, { name })), secret };
}
