import type { AuditEventType } from "./audit-types";

export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  LOGIN: "Đăng nhập",
  LOGIN_FAILED: "Đăng nhập thất bại",
  TEMPLATE_SAVED: "Lưu bản nháp mẫu",
  TEMPLATE_PUBLISHED: "Công bố mẫu",
  CAMPAIGN_CREATED: "Tạo chiến dịch",
  CAMPAIGN_LAUNCHED: "Phát động chiến dịch",
  ASSIGNMENT_VIEWED: "Mở xem bản cam kết",
  ASSIGNMENT_SIGNED: "Ký số",
  ASSIGNMENT_COUNTERSIGNED: "Chủ tịch ký xác nhận",
  ASSIGNMENT_DECLINED: "Từ chối ký",
  ASSIGNMENT_REISSUED: "Phát hành lại",
  REMINDER_SENT: "Nhắc ký",
  DOCUMENT_DOWNLOADED: "Tải tài liệu",
  ARCHIVE_EXPORTED: "Xuất bộ lưu trữ",
  ADMIN_CHANGE: "Thay đổi quản trị",
};
