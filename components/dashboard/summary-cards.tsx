import type { CampaignSummary } from "@/lib/dashboard/get-campaign-summary";
import { DASHBOARD_STATUSES, DASHBOARD_STATUS_COLORS } from "@/lib/dashboard/dashboard-status";
import { getLocale } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { INTL_LOCALE } from "@/lib/i18n/locales";

/** Totals and percentages by status: the answer to "who has not signed yet?" in one row. */
export async function SummaryCards({ summary }: { summary: CampaignSummary }) {
  const locale = await getLocale();
  const labels = messagesFor(locale).common.dashboardStatus;
  const percent = (n: number) => (summary.total ? Math.round((n / summary.total) * 1000) / 10 : 0);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="summary-cards">
      {DASHBOARD_STATUSES.map((status) => (
        <div key={status} className="rounded-lg border border-slate-200 bg-white p-3" style={{ borderTop: `4px solid ${DASHBOARD_STATUS_COLORS[status]}` }}>
          <dt className="text-sm text-slate-600">{labels[status]}</dt>
          <dd className="text-2xl font-bold" data-testid={`count-${status}`}>
            {summary.totals[status]}
          </dd>
          <dd className="text-xs text-slate-500">{percent(summary.totals[status]).toLocaleString(INTL_LOCALE[locale])}%</dd>
        </div>
      ))}
    </dl>
  );
}
