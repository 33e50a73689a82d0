import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { getTemplateVersion } from "@/lib/templates/list-template-versions";
import { contentToFormValues } from "@/lib/templates/template-form";
import { commitmentContentSchema } from "@/lib/documents/commitment-content";
import { resolveAssignmentCommitment } from "@/lib/documents/resolve-assignment-commitment";
import { PageHeader } from "@/components/ui/page-header";
import { CommitmentDocument } from "@/components/commitment/commitment-document";
import { TemplateEditor } from "@/components/templates/template-editor";
import { PublishTemplateForm } from "@/components/templates/template-version-actions";
import { DocumentHash } from "@/components/review/document-hash";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.templates.pageTitle };
}

// A sample unit to preview how a copy reads (document text, so Vietnamese in every language).
const SAMPLE = {
  unit: { name: "Phường Đức Thắng", kind: "WARD" as const },
  headName: "Nguyễn Văn A",
  headTitle: "Chủ tịch UBND phường",
  documentDate: new Date(),
  issuingBody: { name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG", superiorName: "UBND THÀNH PHỐ PHAN THIẾT", placeName: "Phan Thiết", abbreviation: "UBND" },
  campaign: { recipients: [], documentTypeCode: "CK" },
};

export default async function TemplateVersionPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const version = await getTemplateVersion((await params).id);
  if (!version) notFound();
  const parsed = commitmentContentSchema.safeParse(version.content);
  const t = (await getMessages()).admin.templates;
  return (
    <>
      <PageHeader
        title={formatMessage(t.versionTitle, { version: version.version })}
        description={version.status === "DRAFT" ? t.draftDescription : t.publishedDescription}
        actions={<Link href="/quan-tri/mau-cam-ket" className="text-sm text-brand-700 hover:underline">{t.backToList}</Link>}
      />
      {version.contentHash && <DocumentHash sha256={version.contentHash} label={t.contentHashLabel} />}
      <div className="mt-4 grid gap-6 xl:grid-cols-2">
        {version.status === "DRAFT" && parsed.success && (
          <section className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
            <TemplateEditor values={contentToFormValues(parsed.data)} />
            <div className="border-t border-slate-200 pt-4">
              <PublishTemplateForm versionId={version.id} />
            </div>
          </section>
        )}
        <section>
          <h2 className="mb-2 font-semibold">{t.preview}</h2>
          {parsed.success ? (
            <CommitmentDocument document={resolveAssignmentCommitment(parsed.data, SAMPLE)} />
          ) : (
            <p className="text-red-700">{t.invalidContent}</p>
          )}
        </section>
      </div>
    </>
  );
}
