import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { listTemplateVersions } from "@/lib/templates/list-template-versions";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { StartDraftForm } from "@/components/templates/template-version-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.templates.pageTitle };
}

const STATUS_TONES = { DRAFT: "amber", PUBLISHED: "green", SUPERSEDED: "gray" } as const;

export default async function TemplatesPage() {
  await requirePageRole("ADMIN");
  const versions = await listTemplateVersions();
  const draft = versions.find((v) => v.status === "DRAFT");
  const published = versions.find((v) => v.status === "PUBLISHED");
  const { admin } = await getMessages();
  const t = admin.templates;
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          draft ? (
            <Link href={`/quan-tri/mau-cam-ket/${draft.id}`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
              {formatMessage(t.continueDraft, { version: draft.version })}
            </Link>
          ) : published ? (
            <StartDraftForm versionId={published.id} label={t.newVersion} />
          ) : null
        }
      />
      <DataTable
        headers={[t.headers.version, admin.shared.status, t.headers.publishedAt, t.headers.contentHash, t.headers.campaigns]}
        isEmpty={versions.length === 0}
        empty={t.empty}
      >
        {versions.map((v) => (
          <tr key={v.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/mau-cam-ket/${v.id}`} className="font-medium text-brand-700 hover:underline">
                {formatMessage(t.version, { version: v.version })}
              </Link>
            </td>
            <td className="px-3 py-2">
              <Badge tone={STATUS_TONES[v.status]}>{t.status[v.status]}</Badge>
            </td>
            <td className="px-3 py-2">{v.publishedAt ? formatDateTime(v.publishedAt) : "—"}</td>
            <td className="px-3 py-2 font-mono text-xs">{v.contentHash ? `${v.contentHash.slice(0, 16)}…` : "—"}</td>
            <td className="px-3 py-2">{v._count.campaigns}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
