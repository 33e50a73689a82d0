import Link from "next/link";
import { dashboardQueryString, type DashboardQuery } from "@/lib/dashboard/dashboard-query";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";

export async function Pagination({ query, page, pageCount, total }: { query: DashboardQuery; page: number; pageCount: number; total: number }) {
  const m = (await getMessages()).dashboard.pagination;
  const link = (target: number, label: string) =>
    target < 1 || target > pageCount || target === page ? (
      <span className="rounded-md px-3 py-1.5 text-slate-600">{label}</span>
    ) : (
      <Link href={`/theo-doi${dashboardQueryString(query, { page: target })}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        {label}
      </Link>
    );
  return (
    <nav aria-label={m.label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-slate-600" data-testid="table-total">
        {formatMessage(m.summary, { total, page, pageCount })}
      </p>
      <div className="flex gap-1">
        {link(1, m.first)}
        {link(page - 1, m.previous)}
        {link(page + 1, m.next)}
        {link(pageCount, m.last)}
      </div>
    </nav>
  );
}
