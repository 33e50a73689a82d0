import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getCampaignDetail } from "@/lib/campaigns/get-campaign-detail";
import { ASSIGNMENT_STATUS_TONES } from "@/lib/assignments/assignment-status";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatDateTime, formatDate } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { LaunchCampaignForm } from "@/components/campaigns/launch-campaign-form";
import { CloseCampaignForm } from "@/components/delegations/close-campaign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.campaigns.pageTitle };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const campaign = await getCampaignDetail((await params).id);
  if (!campaign) notFound();
  const headless = campaign.draftUnits.filter((u) => !u.head);
  const { common, admin, closing, bodies } = await getMessages();
  const t = admin.campaigns;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={formatMessage(t.detailDescription, {
          deadline: formatDateTime(campaign.deadline),
          documentDate: formatDate(campaign.documentDate),
          version: campaign.templateVersion.version,
        })}
        actions={<Link href="/quan-tri/chien-dich" className="text-sm text-brand-700 hover:underline">{t.backToList}</Link>}
      />
      {campaign.closedAt && (
        <p data-testid="campaign-closed" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {formatMessage(closing.close.closedAt, { at: formatDateTime(campaign.closedAt) })}
        </p>
      )}
      <dl className="mb-4 grid gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-600">{bodies.campaign.documentTypeCode}</dt>
        <dd className="font-mono">{campaign.documentTypeCode}</dd>
        <dt className="font-medium text-slate-600">{bodies.campaign.recipients}</dt>
        <dd>
          {campaign.recipients.length > 0 ? (
            <ul>{campaign.recipients.map((line, i) => <li key={i}>{line}</li>)}</ul>
          ) : (
            <span className="text-slate-500">{bodies.campaign.noRecipients}</span>
          )}
        </dd>
      </dl>
      {campaign.status === "DRAFT" ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
            <h2 className="mb-3 font-semibold">{formatMessage(t.draftUnits, { count: campaign.draftUnits.length })}</h2>
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {campaign.draftUnits.map((u) => (
                <li key={u.id}>
                  {u.name} — {u.head ? u.head.fullName : <span className="font-semibold text-red-700">{t.noHead}</span>}
                </li>
              ))}
            </ul>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{t.launchHeading}</h2>
            {headless.length > 0 && (
              <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {formatMessage(t.headlessWarning, { count: headless.length })}
              </p>
            )}
            <LaunchCampaignForm campaignId={campaign.id} unitCount={campaign.draftUnits.length} />
          </section>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t.assignmentHeaders.unit}</th>
                <th scope="col" className="px-3 py-2">{t.assignmentHeaders.head}</th>
                <th scope="col" className="px-3 py-2">{admin.shared.status}</th>
                <th scope="col" className="px-3 py-2">{t.assignmentHeaders.firstViewed}</th>
                <th scope="col" className="px-3 py-2">{t.assignmentHeaders.signed}</th>
                <th scope="col" className="px-3 py-2">{t.assignmentHeaders.sha256}</th>
              </tr>
            </thead>
            <tbody>
              {campaign.assignments.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    {a.unit.name}
                    <div className="text-xs text-slate-500">{common.unitKinds[a.unit.kind]}</div>
                  </td>
                  <td className="px-3 py-2">{a.headName}</td>
                  <td className="px-3 py-2">
                    <Badge tone={ASSIGNMENT_STATUS_TONES[a.status]}>{common.assignmentStatus[a.status]}</Badge>
                    {a.declineReason && <div className="mt-1 text-xs text-red-800">{formatMessage(t.declineReason, { reason: a.declineReason })}</div>}
                  </td>
                  <td className="px-3 py-2">{a.firstViewedAt ? formatDateTime(a.firstViewedAt) : "—"}</td>
                  <td className="px-3 py-2">{a.signedAt ? formatDateTime(a.signedAt) : "—"}</td>
                  <td className="px-3 py-2">
                    <a href={`/cam-ket/${a.id}/pdf`} className="font-mono text-xs text-brand-700 hover:underline">
                      {a.documentSha256.slice(0, 16)}…
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {campaign.status === "LAUNCHED" && <CloseCampaignForm campaignId={campaign.id} />}
    </>
  );
}
