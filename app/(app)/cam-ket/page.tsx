import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listMyAssignments } from "@/lib/assignments/list-my-assignments";
import { listMyReminders } from "@/lib/reminders/list-reminders";
import { ASSIGNMENT_STATUS_TONES, isOverdue } from "@/lib/assignments/assignment-status";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).common.nav.myCommitments };
}

export default async function MyCommitmentsPage() {
  const user = await requirePageRole("UNIT_HEAD", "DEPUTY");
  const { common, signing, delegation } = messagesFor(user);
  const t = signing.list;
  const isDeputy = user.role === "DEPUTY";
  const [assignments, reminders] = await Promise.all([listMyAssignments(user), listMyReminders(user)]);
  const now = new Date();
  return (
    <>
      <PageHeader title={common.nav.myCommitments} description={`${user.jobTitle} · ${user.unit?.name ?? t.noUnit}`} />
      {isDeputy && assignments.length > 0 && <p className="mb-3 text-sm text-slate-700">{delegation.deputy.listIntro}</p>}
      {assignments.length === 0 ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-slate-700">{isDeputy ? delegation.deputy.noDelegation : t.empty}</p>
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
                  {isDeputy && (
                    <p className="text-sm text-slate-700">
                      {a.unit.name} · {a.headName}
                    </p>
                  )}
                  <p className="text-sm text-slate-600">
                    {formatMessage(t.deadline, { deadline: formatDateTime(a.campaign.deadline) })}
                    {a.revision > 1 && ` · ${formatMessage(t.revision, { revision: a.revision })}`}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Badge tone={ASSIGNMENT_STATUS_TONES[a.status]}>{common.assignmentStatus[a.status]}</Badge>
                  {isOverdue(a.status, a.campaign.deadline, now) && <Badge tone="red">{common.dashboardStatus.OVERDUE}</Badge>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {reminders.length > 0 && (
        <section className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4" aria-labelledby="reminders-heading">
          <h2 id="reminders-heading" className="font-semibold text-amber-900">
            {t.reminders}
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
