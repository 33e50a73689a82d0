import Link from "next/link";
import type { CampaignUnitRow } from "@/lib/dashboard/list-campaign-units";
import { dashboardQueryString, type DashboardQuery, type DashboardSort } from "@/lib/dashboard/dashboard-query";
import { DASHBOARD_STATUS_COLORS } from "@/lib/dashboard/dashboard-status";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import type { Messages } from "@/lib/i18n/messages-for";
import { RemindButton } from "./remind-button";

const COLUMNS: { sort?: DashboardSort; header: keyof Messages["dashboard"]["columns"] }[] = [
  { sort: "unit", header: "unit" },
  { header: "head" },
  { sort: "status", header: "status" },
  { sort: "firstViewedAt", header: "firstViewedAt" },
  { sort: "signedAt", header: "signedAt" },
  { sort: "countersignedAt", header: "countersignedAt" },
  { header: "issuedAt" },
  { sort: "overdue", header: "overdue" },
];

/** The units of a campaign: one row each, sortable by header, with a reminder button for those still to sign. */
export async function UnitsTable({ rows, query, campaignId, canRemind }: { rows: CampaignUnitRow[]; query: DashboardQuery; campaignId: string; canRemind: boolean }) {
  const { common, dashboard } = await getMessages();
  const when = (d: Date | null) => (d ? formatDateTime(d) : "—");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="units-table">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.sort === query.sort;
              return (
                <th key={column.header} scope="col" className="px-3 py-2" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                  {column.sort ? (
                    <Link
                      href={`/theo-doi${dashboardQueryString(query, { sort: column.sort, dir: active && query.dir === "asc" ? "desc" : "asc", page: 1 })}`}
                      className="hover:underline"
                    >
                      {dashboard.columns[column.header]}
                      {active && (query.dir === "asc" ? " ▲" : " ▼")}
                    </Link>
                  ) : (
                    dashboard.columns[column.header]
                  )}
                </th>
              );
            })}
            {canRemind && <th scope="col" className="px-3 py-2"><span className="sr-only">{dashboard.columns.actions}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.assignmentId} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link href={`/theo-doi/don-vi/${row.assignmentId}`} className="font-medium text-brand-700 hover:underline">
                  {row.unitName}
                </Link>
                <div className="text-xs text-slate-500">{common.unitKinds[row.kind]}</div>
              </td>
              <td className="px-3 py-2">{row.headName}</td>
              <td className="px-3 py-2">
                <span className="inline-flex items-center gap-1.5">
                  <span className="inline-block size-2.5 rounded-full" style={{ background: DASHBOARD_STATUS_COLORS[row.status] }} aria-hidden="true" />
                  {common.dashboardStatus[row.status]}
                </span>
                {row.declineReason && <div className="mt-1 max-w-64 text-xs text-red-800">{formatMessage(dashboard.reason, { reason: row.declineReason })}</div>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.firstViewedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.signedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.countersignedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {row.registerNumber ? (
                  <>
                    <div>{row.registerNumber}</div>
                    <div className="text-xs text-slate-500">{when(row.issuedAt)}</div>
                    <div className="text-xs text-slate-500">{row.issuingBody}</div>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2">{row.daysOverdue || "—"}</td>
              {canRemind && (
                <td className="px-3 py-2">
                  {(row.status === "PENDING" || row.status === "VIEWED" || row.status === "OVERDUE") && (
                    <RemindButton campaignId={campaignId} assignmentId={row.assignmentId} label={dashboard.table.remind} />
                  )}
                </td>
              )}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="px-3 py-6 text-center text-slate-500">
                {dashboard.table.empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
