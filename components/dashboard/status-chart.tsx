import type { CampaignSummary } from "@/lib/dashboard/get-campaign-summary";
import { DASHBOARD_STATUSES, DASHBOARD_STATUS_COLORS, DASHBOARD_STATUS_LABELS } from "@/lib/dashboard/dashboard-status";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";

/** One bar per unit kind, stacked by status, with the numbers written out (also as a table for screen readers). */
export function StatusChart({ summary }: { summary: CampaignSummary }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-5">
      <figcaption className="mb-3 font-semibold">Tình hình ký theo loại đơn vị</figcaption>
      <div className="space-y-3" aria-hidden="true">
        {UNIT_KINDS.map((kind) => {
          const counts = summary.byKind[kind];
          return (
            <div key={kind}>
              <div className="mb-1 flex justify-between text-sm">
                <span className="font-medium">{UNIT_KIND_LABELS[kind]}</span>
                <span className="text-slate-600">{counts.total} đơn vị</span>
              </div>
              <div className="flex h-6 w-full overflow-hidden rounded bg-slate-100">
                {DASHBOARD_STATUSES.filter((s) => counts[s] > 0).map((status) => (
                  <div
                    key={status}
                    title={`${DASHBOARD_STATUS_LABELS[status]}: ${counts[status]}`}
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
            {DASHBOARD_STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
      <table className="sr-only">
        <caption>Số đơn vị theo loại và trạng thái</caption>
        <thead>
          <tr>
            <th scope="col">Loại</th>
            {DASHBOARD_STATUSES.map((s) => (
              <th key={s} scope="col">
                {DASHBOARD_STATUS_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {UNIT_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{UNIT_KIND_LABELS[kind]}</th>
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
