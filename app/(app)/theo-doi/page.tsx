import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { dashboardQuerySchema, dashboardQueryString, ignoredParams } from "@/lib/dashboard/dashboard-query";
import { getCampaignSummary } from "@/lib/dashboard/get-campaign-summary";
import { listCampaignUnits } from "@/lib/dashboard/list-campaign-units";
import { listLaunchedCampaigns } from "@/lib/dashboard/list-launched-campaigns";
import { listAwaitingCountersignature } from "@/lib/assignments/list-awaiting-countersignature";
import { listDeclinedAssignments } from "@/lib/assignments/list-declined";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { PageHeader } from "@/components/ui/page-header";
import { SummaryCards } from "@/components/dashboard/summary-cards";
import { StatusChart } from "@/components/dashboard/status-chart";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { UnitsTable } from "@/components/dashboard/units-table";
import { Pagination } from "@/components/dashboard/pagination";
import { RemindButton } from "@/components/dashboard/remind-button";
import { CountersignPanels } from "@/components/countersign/countersign-panels";
import { getSigningSetup } from "@/lib/signer-certificates/get-signing-setup";
import { ReissueButton } from "@/components/countersign/reissue-button";

import { CloseCampaignForm } from "@/components/delegations/close-campaign-form";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).dashboard.pageTitle };
}

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("CHAIRPERSON", "ADMIN", "AUDITOR");
  const messages = messagesFor(user);
  const m = messages.dashboard;
  const raw = await searchParams;
  const query = dashboardQuerySchema.parse(raw);
  const campaigns = await listLaunchedCampaigns();
  const campaign = campaigns.find((c) => c.id === query.campaign) ?? campaigns[0];
  if (!campaign) {
    return (
      <>
        <PageHeader title={m.heading} />
        <p className="rounded-lg border border-slate-200 bg-white p-5">{m.noCampaign}</p>
      </>
    );
  }
  const ignored = ignoredParams(raw, query, messages);
  if (query.campaign && query.campaign !== campaign.id) ignored.push(m.params.campaign);
  const effective = { ...query, campaign: campaign.id };
  const now = new Date();
  const canAct = user.role !== "AUDITOR";
  // A closed campaign's archive is final: nobody is reminded to sign it.
  const canRemind = canAct && campaign.status !== "CLOSED";
  const [summary, table, awaiting, declined] = await Promise.all([
    getCampaignSummary(campaign.id, now),
    listCampaignUnits(campaign.id, effective, { now }),
    user.role === "CHAIRPERSON" ? listAwaitingCountersignature() : Promise.resolve([]),
    listDeclinedAssignments(),
  ]);
  const signed = summary.totals.SIGNED + summary.totals.COMPLETED;
  const filters = dashboardQueryString(effective, { page: 1 });
  const exportHref = (format: "csv" | "xlsx") => `/theo-doi/xuat${filters}${filters ? "&" : "?"}format=${format}`;
  return (
    <>
      <PageHeader
        title={m.heading}
        description={
          <>
            {campaign.name} · {formatMessage(m.deadline, { date: formatDateTime(campaign.deadline) })} ·{" "}
            <strong data-testid="signed-total">
              {signed}/{summary.total}
            </strong>{" "}
            {formatMessage(m.unitsSigned, { total: summary.total })}
          </>
        }
        actions={canRemind && summary.totals.PENDING + summary.totals.VIEWED + summary.totals.OVERDUE > 0 && <RemindButton campaignId={campaign.id} label={m.remindAll} />}
      />
      {ignored.length > 0 && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formatMessage(m.ignoredParams, { params: [...new Set(ignored)].join(", ") })}
        </p>
      )}
      <SummaryCards summary={summary} />
      <div className="my-6">
        <StatusChart summary={summary} />
      </div>
      <DashboardFilters query={effective} campaigns={campaigns} />
      {table.pastEnd && (
        <p role="status" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formatMessage(m.pastEnd, { page: query.page, last: table.page })}
        </p>
      )}
      <div className="mb-2 flex flex-wrap gap-3 text-sm">
        <a href={exportHref("csv")} className="text-brand-700 hover:underline">
          {m.exportCsv}
        </a>
        <a href={exportHref("xlsx")} className="text-brand-700 hover:underline">
          {m.exportXlsx}
        </a>
      </div>
      <UnitsTable rows={table.rows} query={effective} campaignId={campaign.id} canRemind={canRemind} />
      <Pagination query={effective} page={table.page} pageCount={table.pageCount} total={table.total} />

      {user.role === "CHAIRPERSON" && <CountersignPanels groups={awaiting} signerName={user.fullName} signing={await getSigningSetup(user)} />}
      {user.role === "CHAIRPERSON" && campaign.status === "LAUNCHED" && <CloseCampaignForm campaignId={campaign.id} />}
      {declined.length > 0 && (
        <section className="mt-6 rounded-lg border border-red-200 bg-white p-5">
          <h2 className="font-semibold text-red-900">{formatMessage(m.declinedHeading, { count: declined.length })}</h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {declined.map((d) => (
              <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div>
                  <Link href={`/theo-doi/don-vi/${d.id}`} className="font-medium text-brand-700 hover:underline">
                    {d.unit.name}
                  </Link>{" "}
                  — {d.headName}
                  <p className="text-sm text-slate-700">{formatMessage(m.reason, { reason: d.declineReason ?? "" })}</p>
                  <p className="text-xs text-slate-500">{d.declinedAt && formatDateTime(d.declinedAt)}</p>
                </div>
                {canAct && <ReissueButton assignmentId={d.id} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
