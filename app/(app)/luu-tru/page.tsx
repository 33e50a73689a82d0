import type { Metadata } from "next";
import { Fragment, type ReactNode } from "react";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listArchive } from "@/lib/archive/list-archive";
import { ASSIGNMENT_STATUS_TONES } from "@/lib/assignments/assignment-status";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { formatMegabytes } from "@/lib/i18n/format-size";
import { messagesFor } from "@/lib/i18n/messages-for";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { scopesForRole } from "@/lib/api-tokens/api-scopes";
import { AuditChainCheck } from "@/components/archive/audit-chain-check";
import { ArchiveDownload } from "@/components/archive/archive-download";
import { ApiTokens } from "@/components/archive/api-tokens";
import { createApiTokenAction, revokeApiTokenAction, verifyAuditChainAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).archive.pageTitle };
}

/** A message whose {name} placeholders are elements (code, links) rather than text. */
function withNodes(template: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{nodes[part]}</Fragment>));
}

export default async function ArchivePage() {
  const actor = await requirePageRole("AUDITOR", "CHAIRPERSON", "ADMIN");
  const { common, archive: m, report } = messagesFor(actor);
  const [campaigns, tokens] = await Promise.all([listArchive(actor).then((c) => c ?? []), listApiTokens(actor)]);
  const when = (date: Date | null) => (date ? formatDateTime(date) : null);
  const archiveContents = (documents: { size: number }[]) =>
    formatMessage(m.archiveContents, {
      count: documents.length,
      size: formatMegabytes(documents.reduce((n, d) => n + d.size, 0), actor.locale),
    });
  const formatSize = (bytes: number) =>
    formatMessage(m.size, { size: (bytes / 1024).toLocaleString(INTL_LOCALE[actor.locale], { maximumFractionDigits: 0 }) });
  return (
    <>
      <PageHeader
        title={m.heading}
        description={m.description}
        actions={
          <Link href="/kiem-tra" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
            {m.verifyLink}
          </Link>
        }
      />
      <section aria-labelledby="audit-chain" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="audit-chain" className="mb-1 text-lg font-semibold">
          {m.auditChain.heading}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{m.auditChain.description}</p>
        <AuditChainCheck action={verifyAuditChainAction} />
      </section>
      <section aria-labelledby="api-tokens" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="api-tokens" className="mb-1 text-lg font-semibold">
          {m.apiTokens.heading}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {withNodes(m.apiTokens.description, {
            header: <code>{`Authorization: Bearer <${m.apiTokens.tokenPlaceholder}>`}</code>,
            path: <code>/api/v1</code>,
            spec: (
              <a href="/api/v1/openapi.json" className="text-brand-700 underline">
                /api/v1/openapi.json
              </a>
            ),
          })}
        </p>
        <ApiTokens
          tokens={tokens.map((t) => ({ ...t, createdAt: formatDateTime(t.createdAt), lastUsedAt: when(t.lastUsedAt), revokedAt: when(t.revokedAt) }))}
          allowedScopes={scopesForRole(actor.role)}
          createAction={createApiTokenAction}
          revokeAction={revokeApiTokenAction}
        />
      </section>
      {campaigns.length === 0 && <p className="text-slate-600">{m.noCampaigns}</p>}
      {campaigns.map((campaign) => (
        <section key={campaign.id} aria-labelledby={`campaign-${campaign.id}`} className="mb-8">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id={`campaign-${campaign.id}`} className="text-xl font-semibold">
                {campaign.name}
              </h2>
              <p className="text-sm text-slate-600">
                {formatMessage(m.campaignMeta, {
                  launchedAt: campaign.launchedAt ? formatDateTime(campaign.launchedAt) : "—",
                  deadline: formatDateTime(campaign.deadline),
                  version: campaign.templateVersion.version,
                })}
                {campaign.templateVersion.contentHash && (
                  <>
                    {" "}
                    ({m.contentHash} <code className="break-all text-xs">{campaign.templateVersion.contentHash}</code>)
                  </>
                )}
              </p>
            </div>
            <div className="text-right">
              <ArchiveDownload href={`/luu-tru/${campaign.id}/archive.zip`} label={m.download} />
              <p className="mt-1 text-xs text-slate-600" data-testid="archive-contents">
                {archiveContents(campaign.assignments.flatMap((a) => a.documents))}
              </p>
              <p className="mt-1 max-w-xs text-xs text-slate-600">{m.downloadHint}</p>
            </div>
          </div>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">{m.columns.unit}</th>
                  <th scope="col" className="px-3 py-2">{m.columns.head}</th>
                  <th scope="col" className="px-3 py-2">{m.columns.status}</th>
                  <th scope="col" className="px-3 py-2">{m.columns.versions}</th>
                </tr>
              </thead>
              <tbody>
                {campaign.assignments.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100 align-top" data-testid={`archive-row-${a.unit.slug}`}>
                    <td className="px-3 py-2">
                      <Link href={`/cam-ket/${a.id}`} className="text-brand-700 underline">
                        {a.unit.name}
                      </Link>
                      {a.revision > 1 && <span className="text-slate-600"> {formatMessage(m.revision, { revision: a.revision })}</span>}
                    </td>
                    <td className="px-3 py-2">{a.headName}</td>
                    <td className="px-3 py-2">
                      <Badge tone={ASSIGNMENT_STATUS_TONES[a.status]}>{common.assignmentStatus[a.status]}</Badge>
                      {a.issuance && (
                        <p className="mt-1 text-xs text-slate-700" data-testid="archive-issuance">
                          {formatMessage(m.issuance, { number: a.issuance.numberAndCode, time: formatDateTime(a.issuance.issuedAt), body: a.issuance.issuingBody })}
                        </p>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <ul className="space-y-2">
                        {a.documents.map((d) => (
                          <li key={d.id}>
                            <a
                              href={`/cam-ket/${a.id}/pdf?version=${d.kind}&download=1`}
                              className="font-medium text-brand-700 underline"
                              aria-label={formatMessage(m.downloadDocument, { kind: common.documentKinds[d.kind], unit: a.unit.name })}
                            >
                              {common.documentKinds[d.kind]}
                            </a>{" "}
                            <span className="text-slate-600">
                              · {formatSize(d.size)} · {formatMessage(m.storedAt, { time: formatDateTime(d.createdAt) })}
                            </span>
                            <code className="block break-all text-xs text-slate-700">{d.sha256}</code>
                          </li>
                        ))}
                        {a.documents.some((d) => d.kind !== "ORIGINAL") && (
                          <li>
                            <a href={`/cam-ket/${a.id}/bao-cao?download=1`} title={report.linkTitle} className="font-medium text-brand-700 underline">
                              {report.link}
                            </a>
                          </li>
                        )}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
