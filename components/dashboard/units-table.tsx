import Link from "next/link";
import type { CampaignUnitRow } from "@/lib/dashboard/list-campaign-units";
import { dashboardQueryString, type DashboardQuery, type DashboardSort } from "@/lib/dashboard/dashboard-query";
import { DASHBOARD_STATUS_COLORS, DASHBOARD_STATUS_LABELS } from "@/lib/dashboard/dashboard-status";
import { UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { RemindButton } from "./remind-button";

const COLUMNS: { sort?: DashboardSort; label: string }[] = [
  { sort: "unit", label: "Đơn vị" },
  { label: "Người đứng đầu" },
  { sort: "status", label: "Trạng thái" },
  { sort: "firstViewedAt", label: "Xem lần đầu" },
  { sort: "signedAt", label: "Ký" },
  { sort: "countersignedAt", label: "Xác nhận" },
  { sort: "overdue", label: "Quá hạn (ngày)" },
];

/** The units of a campaign: one row each, sortable by header, with a reminder button for those still to sign. */
export function UnitsTable({ rows, query, campaignId, canRemind }: { rows: CampaignUnitRow[]; query: DashboardQuery; campaignId: string; canRemind: boolean }) {
  const when = (d: Date | null) => (d ? formatDateTime(d) : "—");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="units-table">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.sort === query.sort;
              return (
                <th key={column.label} scope="col" className="px-3 py-2" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                  {column.sort ? (
                    <Link
                      href={`/theo-doi${dashboardQueryString(query, { sort: column.sort, dir: active && query.dir === "asc" ? "desc" : "asc", page: 1 })}`}
                      className="hover:underline"
                    >
                      {column.label}
                      {active && (query.dir === "asc" ? " ▲" : " ▼")}
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
            {canRemind && <th scope="col" className="px-3 py-2"><span className="sr-only">Thao tác</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.assignmentId} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link href={`/theo-doi/don-vi/${row.assignmentId}`} className="font-medium text-brand-700 hover:underline">
                  {row.unitName}
                </Link>
                <div className="text-xs text-slate-500">{UNIT_KIND_LABELS[row.kind]}</div>
              </td>
              <td className="px-3 py-2">{row.headName}</td>
              <td className="px-3 py-2">
                <span className="inline-flex items-center gap-1.5">
                  <span className="inline-block size-2.5 rounded-full" style={{ background: DASHBOARD_STATUS_COLORS[row.status] }} aria-hidden="true" />
                  {DASHBOARD_STATUS_LABELS[row.status]}
                </span>
                {row.declineReason && <div className="mt-1 max-w-64 text-xs text-red-800">Lý do: {row.declineReason}</div>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.firstViewedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.signedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.countersignedAt)}</td>
              <td className="px-3 py-2">{row.daysOverdue || "—"}</td>
              {canRemind && (
                <td className="px-3 py-2">
                  {(row.status === "PENDING" || row.status === "VIEWED" || row.status === "OVERDUE") && (
                    <RemindButton campaignId={campaignId} assignmentId={row.assignmentId} label="Nhắc ký" />
                  )}
                </td>
              )}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="px-3 py-6 text-center text-slate-500">
                Không có đơn vị nào khớp bộ lọc.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
