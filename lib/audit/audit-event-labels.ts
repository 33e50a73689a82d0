import { vi } from "@/lib/i18n/messages/vi";
import type { AuditEventType } from "./audit-types";

/** Vietnamese names of audit events, for the archive's audit-log.jsonl; screens read the catalogue in their own language. */
export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = vi.common.auditEvents;
