import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { listAwaitingCountersignature } from "@/lib/assignments/list-awaiting-countersignature";
import { listDeclinedAssignments } from "@/lib/assignments/list-declined";
import { listUnits } from "@/lib/units/list-units";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { UnitsByKind } from "@/components/units/units-by-kind";
import { CountersignPanel } from "@/components/countersign/countersign-panel";
import { ReissueButton } from "@/components/countersign/reissue-button";

export const metadata: Metadata = { title: "Theo dõi" };

export default async function MonitoringPage() {
  const user = await requirePageRole("CHAIRPERSON", "ADMIN", "AUDITOR");
  const [campaigns, awaiting, declined, units] = await Promise.all([
    listCampaigns(),
    user.role === "CHAIRPERSON" ? listAwaitingCountersignature() : Promise.resolve([]),
    listDeclinedAssignments(),
    listUnits({}, { activeOnly: true }),
  ]);
  const launched = campaigns.filter((c) => c.status !== "DRAFT");
  return (
    <>
      <PageHeader title="Theo dõi ký cam kết" description={`${units.length} đơn vị ký cam kết của thành phố`} />
      <section className="mb-6 grid gap-4 md:grid-cols-2">
        {launched.map((c) => (
          <div key={c.id} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold">{c.name}</h2>
            <p className="text-sm text-slate-600">Hạn ký {formatDateTime(c.deadline)}</p>
            <p className="mt-2 text-3xl font-bold" data-testid="campaign-signed-count">
              {c.signed}/{c.total} <span className="text-base font-normal text-slate-600">đơn vị đã ký</span>
            </p>
            <p className="text-sm text-slate-600">{c.completed} đã được Chủ tịch xác nhận</p>
          </div>
        ))}
      </section>
      {awaiting.map((group) => (
        <div key={group.campaignId} className="mb-6">
          <CountersignPanel items={group.items} signerName={user.fullName} title={`Xác nhận hàng loạt — ${group.campaignName}`} />
        </div>
      ))}
      {declined.length > 0 && (
        <section className="mb-6 rounded-lg border border-red-200 bg-white p-5">
          <h2 className="font-semibold text-red-900">Đơn vị từ chối ký ({declined.length})</h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {declined.map((d) => (
              <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div>
                  <Link href={`/cam-ket/${d.id}`} className="font-medium text-brand-700 hover:underline">
                    {d.unit.name}
                  </Link>{" "}
                  — {d.headName}
                  <p className="text-sm text-slate-700">Lý do: {d.declineReason}</p>
                  <p className="text-xs text-slate-500">{d.declinedAt && formatDateTime(d.declinedAt)}</p>
                </div>
                {user.role !== "AUDITOR" && <ReissueButton assignmentId={d.id} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      <UnitsByKind units={units} />
    </>
  );
}
