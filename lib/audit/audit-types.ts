/** Every kind of event the audit log records. */
export const AUDIT_EVENT_TYPES = [
  "LOGIN",
  "LOGIN_FAILED",
  "TEMPLATE_SAVED",
  "TEMPLATE_PUBLISHED",
  "CAMPAIGN_CREATED",
  "CAMPAIGN_LAUNCHED",
  "ASSIGNMENT_VIEWED",
  "ASSIGNMENT_SIGNED",
  "ASSIGNMENT_COUNTERSIGNED",
  "ASSIGNMENT_DECLINED",
  "ASSIGNMENT_REISSUED",
  "REMINDER_SENT",
  "DOCUMENT_DOWNLOADED",
  "ARCHIVE_EXPORTED",
  "ADMIN_CHANGE",
  "CERTIFICATE_REGISTERED",
  "ASSIGNMENT_ISSUED",
  "CAMPAIGN_CLOSED",
  "UNIT_REOPENED",
  "TIMESTAMP_UNAVAILABLE",
  "ARCHIVE_TIMESTAMP_ADDED",
  "VALIDATION_DATA_REJECTED",
  "SECOND_FACTOR_CHANGED",
  "SECOND_FACTOR_RESET",
  "ISSUED_DOCUMENT_RECEIVED",
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export type AuditContext = { actorId?: string | null; actorEmail?: string | null; ip?: string | null; userAgent?: string | null };

export type AuditEventInput = AuditContext & {
  type: AuditEventType;
  unitId?: string | null;
  campaignId?: string | null;
  assignmentId?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
};
