import type { AuditEventType } from "@/lib/audit/audit-types";

/** The audit events a webhook can carry, by their public name (the `type` of the payload, Camket-Event). */
export const WEBHOOK_EVENT_SOURCES = {
  "assignment.viewed": "ASSIGNMENT_VIEWED",
  "assignment.signed": "ASSIGNMENT_SIGNED",
  "assignment.declined": "ASSIGNMENT_DECLINED",
  "assignment.countersigned": "ASSIGNMENT_COUNTERSIGNED",
  "assignment.issued": "ASSIGNMENT_ISSUED",
  "campaign.launched": "CAMPAIGN_LAUNCHED",
  "campaign.closed": "CAMPAIGN_CLOSED",
} as const satisfies Record<string, AuditEventType>;

export type WebhookEventName = keyof typeof WEBHOOK_EVENT_SOURCES;
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENT_SOURCES) as WebhookEventName[];

const NAME_BY_AUDIT_TYPE = new Map<string, WebhookEventName>(WEBHOOK_EVENT_NAMES.map((name) => [WEBHOOK_EVENT_SOURCES[name], name]));

export const webhookEventNameFor = (auditType: string): WebhookEventName | undefined => NAME_BY_AUDIT_TYPE.get(auditType);
