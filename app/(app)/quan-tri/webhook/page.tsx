import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatMessage } from "@/lib/i18n/format-message";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { webhookEventNameFor, type WebhookEventName } from "@/lib/webhooks/webhook-events";
import type { WebhookFailureReason } from "@/lib/webhooks/deliver-due-webhooks";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import { WebhookActionButton } from "@/components/admin/webhook-action-button";
import { changeWebhookEndpointAction, resendWebhookDeliveryAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).webhooks.title };
}

const STATUS_TONE = { PENDING: "gray", DELIVERED: "green", FAILED: "amber", DEAD: "red" } as const;

export default async function WebhooksPage() {
  await requirePageRole("ADMIN");
  const endpoints = await listWebhookEndpoints();
  const { webhooks: t } = await getMessages();
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {endpoints.length === 0 && <p className="text-sm text-slate-600">{t.empty}</p>}
      {endpoints.map((endpoint) => (
        <section key={endpoint.id} className="mb-6 rounded-lg border border-slate-200 bg-white p-5" data-testid="webhook-endpoint">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 className="font-semibold">{endpoint.name}</h2>
              <p className="break-all font-mono text-xs text-slate-600">{endpoint.url}</p>
              <p className="mt-1 text-xs text-slate-600">{endpoint.events.map((e) => t.events[e as WebhookEventName] ?? e).join(" · ")}</p>
              <Badge tone={endpoint.enabled ? "green" : "gray"}>{endpoint.enabled ? t.on : t.off}</Badge>
            </div>
            <div className="flex flex-wrap gap-2">
              <WebhookActionButton action={changeWebhookEndpointAction.bind(null, endpoint.id, endpoint.enabled ? "disable" : "enable")} label={endpoint.enabled ? t.disable : t.enable} />
              <WebhookActionButton action={changeWebhookEndpointAction.bind(null, endpoint.id, "rotate-secret")} label={t.rotate} />
              <WebhookActionButton action={changeWebhookEndpointAction.bind(null, endpoint.id, "delete")} label={t.remove} variant="danger" />
            </div>
          </div>
          <h3 className="mt-4 text-sm font-semibold">{t.log}</h3>
          <DataTable
            headers={[t.headers.event, t.headers.time, t.headers.status, t.headers.attempts, t.headers.last, t.headers.next, ""]}
            isEmpty={endpoint.deliveries.length === 0}
            empty={t.logEmpty}
          >
            {endpoint.deliveries.map((d) => (
              <tr key={d.id} className="border-t border-slate-100 align-top" data-testid="webhook-delivery">
                <td className="px-3 py-2 font-mono text-xs">{webhookEventNameFor(d.eventType) ?? d.eventType}</td>
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(d.createdAt)}</td>
                <td className="px-3 py-2">
                  <Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? "gray"}>{t.statuses[d.status as keyof typeof t.statuses] ?? d.status}</Badge>
                </td>
                <td className="px-3 py-2 text-right">{d.attempts}</td>
                <td className="px-3 py-2">
                  {d.lastError ? formatMessage(t.reasons[d.lastError as WebhookFailureReason] ?? d.lastError, { status: String(d.lastStatusCode ?? "") }) : (d.lastStatusCode ?? "")}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{d.status === "FAILED" || d.status === "PENDING" ? formatDateTime(d.nextAttemptAt) : ""}</td>
                <td className="px-3 py-2">
                  {(d.status === "FAILED" || d.status === "DEAD") && <WebhookActionButton action={resendWebhookDeliveryAction.bind(null, d.id)} label={t.resend} />}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
      <WebhookEndpointForm />
    </>
  );
}
