import { formatDateTime } from "@/lib/time/vietnam-time";
import type { Messages } from "@/lib/i18n/messages-for";
import type { CampaignUnitRow } from "./list-campaign-units";

const when = (date: Date | null) => (date ? formatDateTime(date) : "");

type UnitsTableColumn = { header: string; value: (row: CampaignUnitRow) => string | number };

/** The monitoring table's columns as text, shared by the CSV and XLSX exports, in the reader's language. */
export function unitsTableColumns({ common, dashboard }: Messages): UnitsTableColumn[] {
  const { columns } = dashboard;
  return [
    { header: columns.unit, value: (r) => r.unitName },
    { header: columns.kind, value: (r) => common.unitKinds[r.kind] },
    { header: columns.head, value: (r) => r.headName },
    { header: columns.status, value: (r) => common.dashboardStatus[r.status] },
    { header: columns.firstViewedAt, value: (r) => when(r.firstViewedAt) },
    { header: columns.signedAt, value: (r) => when(r.signedAt) },
    { header: columns.countersignedAt, value: (r) => when(r.countersignedAt) },
    { header: columns.registerNumber, value: (r) => r.registerNumber ?? "" },
    { header: columns.issuedAt, value: (r) => when(r.issuedAt) },
    { header: columns.issuingBody, value: (r) => r.issuingBody ?? "" },
    { header: columns.daysOverdue, value: (r) => r.daysOverdue },
    { header: columns.declineReason, value: (r) => r.declineReason ?? "" },
  ];
}
