import type { CampaignSummary } from "@/lib/dashboard/get-campaign-summary";
import { DASHBOARD_STATUSES, DASHBOARD_STATUS_COLORS } from "@/lib/dashboard/dashboard-status";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";

/** One bar per unit kind, stacked by status, with the numbers written out (also as a table for screen readers). */
export async function StatusChart({ summary }: { summary: CampaignSummary }) {
  const { common, dashboard } = await getMessages();
  const statusLabels = common.dashboardStatus;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-5">
      <figcaption className="mb-3 font-semibold">{dashboard.chart.caption}</figcaption>
      <div className="space-y-3" aria-hidden="true">
        {UNIT_KINDS.map((kind) => {
          const counts = summary.byKind[kind];
          return (
            <div key={kind}>
              <div className="mb-1 flex justify-between text-sm">
                <span className="font-medium">{common.unitKinds[kind]}</span>
                <span className="text-slate-600">{formatMessage(dashboard.chart.units, { count: counts.total })}</span>
              </div>
              <div className="flex h-6 w-full overflow-hidden rounded bg-slate-100">
                {DASHBOARD_STATUSES.filter((s) => counts[s] > 0).map((status) => (
                  <div
                    key={status}
                    title={`${statusLabels[status]}: ${counts[status]}`}
                    style={{ width: `${(counts[status] / counts.total) * 100}%`, background: DASHBOARD_STATUS_COLORS[status] }}
                    className="flex items-center justify-center text-xs font-semibold text-white"
                  >
                    {counts[status]}
                  </div>
                ))}
              </div>
            </div>
          );
        })}
      </div>
      <ul className="mt-4 flex flex-wrap gap-3 text-xs" aria-hidden="true">
        {DASHBOARD_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: DASHBOARD_STATUS_COLORS[status] }} />
            {statusLabels[status]}
          </li>
        ))}
      </ul>
      <table className="sr-only">
        <caption>{dashboard.chart.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{dashboard.columns.kind}</th>
            {DASHBOARD_STATUSES.map((s) => (
              <th key={s} scope="col">
                {statusLabels[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {UNIT_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{common.unitKinds[kind]}</th>
              {DASHBOARD_STATUSES.map((s) => (
                <td key={s}>{summary.byKind[kind][s]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
