import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getCampaignDetail } from "@/lib/campaigns/get-campaign-detail";
import { ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUS_TONES } from "@/lib/assignments/assignment-status";
import { UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";
import { formatDateTime, formatDate } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { LaunchCampaignForm } from "@/components/campaigns/launch-campaign-form";

export const metadata: Metadata = { title: "Chiến dịch" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const campaign = await getCampaignDetail((await params).id);
  if (!campaign) notFound();
  const headless = campaign.draftUnits.filter((u) => !u.head);
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`Hạn ký ${formatDateTime(campaign.deadline)} · ngày văn bản ${formatDate(campaign.documentDate)} · mẫu phiên bản ${campaign.templateVersion.version}`}
        actions={<Link href="/quan-tri/chien-dich" className="text-sm text-brand-700 hover:underline">← Danh sách chiến dịch</Link>}
      />
      {campaign.status === "DRAFT" ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
            <h2 className="mb-3 font-semibold">{campaign.draftUnits.length} đơn vị sẽ nhận bản cam kết</h2>
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {campaign.draftUnits.map((u) => (
                <li key={u.id}>
                  {u.name} — {u.head ? u.head.fullName : <span className="font-semibold text-red-700">chưa có người đứng đầu</span>}
                </li>
              ))}
            </ul>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">Phát động</h2>
            {headless.length > 0 && (
              <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {headless.length} đơn vị chưa có người đứng đầu; phát động sẽ bị từ chối cho đến khi được giao.
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
                <th scope="col" className="px-3 py-2">Đơn vị</th>
                <th scope="col" className="px-3 py-2">Người đứng đầu</th>
                <th scope="col" className="px-3 py-2">Trạng thái</th>
                <th scope="col" className="px-3 py-2">Xem lần đầu</th>
                <th scope="col" className="px-3 py-2">Ký</th>
                <th scope="col" className="px-3 py-2">SHA-256 hiện tại</th>
              </tr>
            </thead>
            <tbody>
              {campaign.assignments.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    {a.unit.name}
                    <div className="text-xs text-slate-500">{UNIT_KIND_LABELS[a.unit.kind]}</div>
                  </td>
                  <td className="px-3 py-2">{a.headName}</td>
                  <td className="px-3 py-2">
                    <Badge tone={ASSIGNMENT_STATUS_TONES[a.status]}>{ASSIGNMENT_STATUS_LABELS[a.status]}</Badge>
                    {a.declineReason && <div className="mt-1 text-xs text-red-800">Lý do: {a.declineReason}</div>}
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
    </>
  );
}
