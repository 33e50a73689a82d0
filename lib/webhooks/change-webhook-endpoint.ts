import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { webhookEndpointIdSchema } from "./webhook-endpoint-schemas";
import { encryptWebhookSecret, generateWebhookSecret } from "./webhook-secret";

export type WebhookEndpointChange = { kind: "enable" } | { kind: "disable" } | { kind: "rotate-secret" } | { kind: "delete" };

/**
 * Enables, disables, rotates the secret of or deletes an endpoint (ADMIN), each one audited ADMIN_CHANGE.
 * A rotated secret is returned once, like at creation; deleting drops the endpoint's delivery log with it.
 */
export async function changeWebhookEndpoint(
  actor: Actor | null,
  endpointId: unknown,
  change: WebhookEndpointChange,
  context: AuditContext = {},
): Promise<FormResult & { secret?: string }> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const t = messagesFor(actor).webhooks;
  const id = webhookEndpointIdSchema.safeParse(endpointId);
  if (!id.success) return failure(t.notFound);
  return prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: id.data }, select: { name: true } });
    if (!endpoint) return failure(t.notFound);
    let secret: string | undefined;
    if (change.kind === "delete") await tx.webhookEndpoint.delete({ where: { id: id.data } });
    else if (change.kind === "rotate-secret") {
      secret = generateWebhookSecret();
      await tx.webhookEndpoint.update({ where: { id: id.data }, data: { secretEncrypted: encryptWebhookSecret(secret, id.data) } });
    } else await tx.webhookEndpoint.update({ where: { id: id.data }, data: { enabled: change.kind === "enable" } });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: `${change.kind}-webhook-endpoint`, webhookEndpointId: id.data, name: endpoint.name } });
    const message = { enable: t.enabledResult, disable: t.disabledResult, "rotate-secret": t.rotated, delete: t.removed }[change.kind];
    return { ...success(formatMessage(message, { name: endpoint.name })), secret };
  });
}
