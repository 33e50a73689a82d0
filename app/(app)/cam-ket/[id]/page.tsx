import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { recordAssignmentView } from "@/lib/assignments/record-assignment-view";
import { ASSIGNMENT_STATUS_TONES, isOverdue } from "@/lib/assignments/assignment-status";
import { parseTemplateContent } from "@/lib/documents/template-content";
import { resolveAssignmentCommitment } from "@/lib/documents/resolve-assignment-commitment";
import { issuingBodyForUnit } from "@/lib/issuing-bodies/issuing-body-for-unit";
import { formatDate, formatDateTime, formatSigningTime } from "@/lib/time/vietnam-time";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { timestampSourceText } from "@/lib/timestamping/timestamp-source-text";
import { formatMessage } from "@/lib/i18n/format-message";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { CommitmentDocument } from "@/components/commitment/commitment-document";
import { DocumentHash } from "@/components/review/document-hash";
import { ReviewGate } from "@/components/review/review-gate";
import { SignPanel } from "@/components/review/sign-panel";
import { getSigningSetup } from "@/lib/signer-certificates/get-signing-setup";
import { CountersignPanel } from "@/components/countersign/countersign-panel";
import { ReissueButton } from "@/components/countersign/reissue-button";
import { campaignClosedRefusal, signingWindowRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { DeputyNotice } from "@/components/delegations/deputy-notice";
import { SigningWindowNotice } from "@/components/delegations/signing-window-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).signing.review.pageTitle };
}

export default async function AssignmentReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) redirect("/login");
  const assignment = await getAssignmentForActor(actor, (await params).id);
  if (!assignment) notFound();
  const [signingSetup, issuingBody] = await Promise.all([
    getSigningSetup(actor),
    issuingBodyForUnit(assignment.unitId),
    recordAssignmentView(actor, assignment, await auditContextFor(actor)),
  ]);
  const messages = messagesFor(actor);
  const { common, signing } = messages;
  const t = signing.review;

  const document = resolveAssignmentCommitment(parseTemplateContent(assignment.campaign.templateVersion.content), {
    unit: assignment.unit,
    headName: assignment.headName,
    headTitle: assignment.headTitle,
    issuance: assignment.outgoing ?? undefined,
    documentDate: assignment.campaign.documentDate,
    issuingBody,
    campaign: assignment.campaign,
  });
  const pdfUrl = `/cam-ket/${assignment.id}/pdf`;
  const { actingUnder } = assignment;
  const open = assignment.status === "PENDING" || assignment.status === "VIEWED";
  const signsAsHead = actor.role === "UNIT_HEAD" || actingUnder?.role === "HEAD";
  const { status: campaignStatus, deadline } = assignment.campaign;
  // Past the deadline (not reopened) or closed: the refusal is shown instead of a sign panel that would only refuse.
  const windowRefusal = signingWindowRefusal({ campaignStatus, deadline, reopenedUntil: assignment.reopenedUntil }, new Date(), messages);
  const canSign = signsAsHead && open && !windowRefusal;
  const notice = signsAsHead && open ? windowRefusal : campaignClosedRefusal({ status: campaignStatus }, messages);
  const countersigns = actor.role === "CHAIRPERSON" || actingUnder?.role === "CHAIRPERSON";
  const [archive] = assignment.archiveTimestamps;
  return (
    <>
      <PageHeader
        title={assignment.campaign.name}
        description={
          <>
            {assignment.unit.name} · {formatMessage(t.deadline, { deadline: formatDateTime(assignment.campaign.deadline) })}{" "}
            <Badge tone={ASSIGNMENT_STATUS_TONES[assignment.status]}>{common.assignmentStatus[assignment.status]}</Badge>{" "}
            {isOverdue(assignment.status, assignment.campaign.deadline) && <Badge tone="red">{common.dashboardStatus.OVERDUE}</Badge>}
          </>
        }
        actions={
          (actor.role === "UNIT_HEAD" || actor.role === "DEPUTY") && (
            <Link href="/cam-ket" className="text-sm text-brand-700 hover:underline">
              {t.backToList}
            </Link>
          )
        }
      />
      <section className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <DocumentHash sha256={assignment.documentSha256} label={t.documentHash} />
        <ul className="flex flex-wrap gap-3 text-sm">
          {assignment.documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2">
              <span className="text-slate-600">{common.documentKinds[d.kind]}:</span>
              <a href={`${pdfUrl}?version=${d.kind}`} target="_blank" className="text-brand-700 hover:underline">
                {t.viewPdf}
              </a>
              <a href={`${pdfUrl}?version=${d.kind}&download=1`} className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-50">
                {t.download}
              </a>
            </li>
          ))}
          {assignment.signedAt && (
            <li>
              <a href={`/cam-ket/${assignment.id}/bao-cao?download=1`} title={messages.report.linkTitle} className="text-brand-700 hover:underline">
                {messages.report.link}
              </a>
            </li>
          )}
        </ul>
        {assignment.signedAt && (
          <p data-testid="signed-notice" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            {assignment.countersignedAt
              ? formatMessage(t.signedAndCountersigned, {
                  signedAt: formatSigningTime(assignment.signedAt),
                  countersignedAt: formatSigningTime(assignment.countersignedAt),
                })
              : formatMessage(t.signed, { signedAt: formatSigningTime(assignment.signedAt) })}
          </p>
        )}
        {archive && (
          <p data-testid="archive-notice" className="text-sm text-slate-600">
            {formatMessage(t.archived, { at: formatSigningTime(archive.createdAt), renewBy: formatDate(archive.tsaCertificateExpiresAt) })}
          </p>
        )}
        {assignment.declineReason && <p className="text-sm text-red-800">{formatMessage(t.declineReason, { reason: assignment.declineReason })}</p>}
        {actingUnder && <DeputyNotice standing={actingUnder} />}
        <SigningWindowNotice refusal={notice} reopenedUntil={assignment.reopenedUntil} reopenReason={assignment.reopenReason} />
      </section>
      <object data={pdfUrl} type="application/pdf" className="mb-4 hidden h-[80vh] w-full rounded-lg border border-slate-200 lg:block" aria-label={t.pdf}>
        <a href={pdfUrl}>{t.openPdf}</a>
      </object>
      <CommitmentDocument document={document} />
      {countersigns && assignment.status === "SIGNED" && campaignStatus !== "CLOSED" && (
        <div className="mt-6">
          <CountersignPanel items={[{ id: assignment.id, unitName: assignment.unit.name }]} signerName={actor.fullName} title={t.countersignTitle} signing={signingSetup} />
        </div>
      )}
      {(actor.role === "CHAIRPERSON" || actor.role === "ADMIN") && assignment.status === "DECLINED" && campaignStatus !== "CLOSED" && (
        <div className="mt-6">
          <ReissueButton assignmentId={assignment.id} />
        </div>
      )}
      {canSign && (
        <ReviewGate>
          <SignPanel assignmentId={assignment.id} reviewedSha256={assignment.documentSha256} signerName={actor.fullName} signing={signingSetup} />
        </ReviewGate>
      )}
      {(canSign || (countersigns && assignment.status === "SIGNED")) && (
        <p className="mt-3 text-xs text-slate-500" data-testid="timestamp-source">
          {timestampSourceText(messages)}
        </p>
      )}
    </>
  );
}
