import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getSigningSetup } from "@/lib/signer-certificates/get-signing-setup";
import { getAssignmentTimeline } from "@/lib/dashboard/get-assignment-timeline";
import type { AuditEventType } from "@/lib/audit/audit-types";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { PageHeader } from "@/components/ui/page-header";
import { CountersignPanel } from "@/components/countersign/countersign-panel";
import { ReopenAssignmentForm } from "@/components/delegations/reopen-assignment-form";
import { SigningWindowNotice } from "@/components/delegations/signing-window-notice";
import { campaignClosedRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { DEFAULT_REOPEN_DAYS, MAX_REOPEN_DAYS } from "@/lib/campaigns/reopen-assignment";
import { OPEN_STATUSES } from "@/lib/assignments/assignment-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).dashboard.unit.pageTitle };
}

export default async function UnitTimelinePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageRole("CHAIRPERSON", "ADMIN", "AUDITOR");
  const timeline = await getAssignmentTimeline(actor, (await params).id);
  if (!timeline) notFound();
  const { assignment, revisions, events } = timeline;
  const messages = messagesFor(actor);
  const { common, dashboard, signing } = messages;
  const m = dashboard.unit;
  // The page may be opened on an older revision; what awaits countersignature is the unit's live one.
  const closed = campaignClosedRefusal(assignment.campaign, messages);
  const awaiting = actor.role === "CHAIRPERSON" && !closed ? revisions.find((r) => r.status === "SIGNED") : undefined;
  // Past the deadline and still unsigned: only the chairperson may let the unit sign again, with a reason.
  const now = new Date();
  const reopenable =
    actor.role === "CHAIRPERSON" && !closed && (OPEN_STATUSES as readonly string[]).includes(assignment.status) && now > assignment.campaign.deadline;
  return (
    <>
      <PageHeader
        title={assignment.unit.name}
        description={assignment.campaign.name}
        actions={<Link href="/theo-doi" className="text-sm text-brand-700 hover:underline">{m.back}</Link>}
      />
      <div className="mb-4">
        <SigningWindowNotice refusal={closed} reopenedUntil={assignment.reopenedUntil} reopenReason={assignment.reopenReason} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 font-semibold">{m.documents}</h2>
          {revisions.map((r) => (
            <div key={r.id} className="mb-4">
              <p className="text-sm font-medium">
                {formatMessage(m.revision, { revision: r.revision, headName: r.headName, status: common.assignmentStatus[r.status] })}
              </p>
              {r.declineReason && <p className="text-sm text-red-800">{formatMessage(m.declineReason, { reason: r.declineReason })}</p>}
              <ul className="mt-1 space-y-1 text-sm">
                {r.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/cam-ket/${r.id}/pdf?version=${d.kind}&download=1`} className="text-brand-700 underline underline-offset-2">
                      {common.documentKinds[d.kind]}
                    </a>{" "}
                    <code className="break-all font-mono text-xs text-slate-600">{d.sha256}</code>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 font-semibold">{m.timeline}</h2>
          <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
            {events.map((e) => (
              <li key={String(e.id)}>
                <p className="font-medium">{common.auditEvents[e.type as AuditEventType] ?? e.type}</p>
                <p className="text-slate-600">
                  {formatSigningTime(e.at)} · {e.actorEmail ?? m.system}
                  {e.ip && ` · ${e.ip}`}
                </p>
              </li>
            ))}
            {events.length === 0 && <li className="text-slate-500">{m.noEvents}</li>}
          </ol>
        </section>
      </div>
      {reopenable && <ReopenAssignmentForm assignmentId={assignment.id} defaultDays={DEFAULT_REOPEN_DAYS} maxDays={MAX_REOPEN_DAYS} />}
      {awaiting && (
        <div className="mt-6">
          <CountersignPanel items={[{ id: awaiting.id, unitName: assignment.unit.name }]} signerName={actor.fullName} title={signing.review.countersignTitle} signing={await getSigningSetup(actor)} />
        </div>
      )}
    </>
  );
}
