import { formatDateTime } from "@/lib/time/vietnam-time";
import { UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";
import { DASHBOARD_STATUS_LABELS } from "./dashboard-status";
import type { CampaignUnitRow } from "./list-campaign-units";

const when = (date: Date | null) => (date ? formatDateTime(date) : "");

/** The monitoring table's columns as text, shared by the CSV and XLSX exports. */
export const UNITS_TABLE_COLUMNS: { header: string; value: (row: CampaignUnitRow) => string | number }[] = [
  { header: "Đơn vị", value: (r) => r.unitName },
  { header: "Loại", value: (r) => UNIT_KIND_LABELS[r.kind] },
  { header: "Người đứng đầu", value: (r) => r.headName },
  { header: "Trạng thái", value: (r) => DASHBOARD_STATUS_LABELS[r.status] },
  { header: "Xem lần đầu", value: (r) => when(r.firstViewedAt) },
  { header: "Ký", value: (r) => when(r.signedAt) },
  { header: "Xác nhận", value: (r) => when(r.countersignedAt) },
  { header: "Số ngày quá hạn", value: (r) => r.daysOverdue },
  { header: "Lý do từ chối", value: (r) => r.declineReason ?? "" },
];
