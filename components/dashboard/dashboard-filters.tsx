import type { DashboardQuery } from "@/lib/dashboard/dashboard-query";
import { STATUS_FILTERS } from "@/lib/dashboard/dashboard-status";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import { getMessages } from "@/lib/i18n/get-messages";

/** GET filters: kind, status, name search (diacritics optional). State lives in the URL. */
export async function DashboardFilters({ query, campaigns }: { query: DashboardQuery; campaigns: { id: string; name: string }[] }) {
  const { common, dashboard } = await getMessages();
  const { filters } = dashboard;
  const select = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <form method="get" role="search" aria-label={filters.label} className="mb-4 flex flex-wrap items-end gap-2">
      {campaigns.length > 1 && (
        <div>
          <label htmlFor="campaign" className="block text-sm font-medium text-slate-700">{filters.campaign}</label>
          <select id="campaign" name="campaign" defaultValue={query.campaign} className={select}>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="kind" className="block text-sm font-medium text-slate-700">{filters.kind}</label>
        <select id="kind" name="kind" defaultValue={query.kind ?? ""} className={select}>
          <option value="">{common.search.all}</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {common.unitKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status" className="block text-sm font-medium text-slate-700">{filters.status}</label>
        <select id="status" name="status" defaultValue={query.status ?? ""} className={select}>
          <option value="">{common.search.all}</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {common.dashboardStatus[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-slate-700">{filters.search}</label>
        <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} placeholder={filters.searchPlaceholder} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900">
        {common.search.submit}
      </button>
    </form>
  );
}
