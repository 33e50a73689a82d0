import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listMyAssignments } from "@/lib/assignments/list-my-assignments";
import { listMyReminders } from "@/lib/reminders/list-reminders";
import { ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUS_TONES, isOverdue } from "@/lib/assignments/assignment-status";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Cam kết của tôi" };

export default async function MyCommitmentsPage() {
  const user = await requirePageRole("UNIT_HEAD");
  const [assignments, reminders] = await Promise.all([listMyAssignments(user), listMyReminders(user)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Cam kết của tôi" description={`${user.jobTitle} · ${user.unit?.name ?? "Chưa được giao đơn vị"}`} />
      {assignments.length === 0 ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-slate-700">Chưa có bản cam kết nào được giao cho đơn vị của bạn.</p>
        </section>
      ) : (
        <ul className="space-y-3">
          {assignments.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <Link href={`/cam-ket/${a.id}`} className="font-semibold text-brand-700 hover:underline">
                    {a.campaign.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    Hạn ký: {formatDateTime(a.campaign.deadline)}
                    {a.revision > 1 && ` · bản phát hành lại lần ${a.revision}`}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Badge tone={ASSIGNMENT_STATUS_TONES[a.status]}>{ASSIGNMENT_STATUS_LABELS[a.status]}</Badge>
                  {isOverdue(a.status, a.campaign.deadline, now) && <Badge tone="red">Quá hạn</Badge>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {reminders.length > 0 && (
        <section className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4" aria-labelledby="reminders-heading">
          <h2 id="reminders-heading" className="font-semibold text-amber-900">
            Lời nhắc đã nhận
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {reminders.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.createdAt)} — {r.subject}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
