import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listTemplateVersions } from "@/lib/templates/list-template-versions";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { StartDraftForm } from "@/components/templates/template-version-actions";

export const metadata: Metadata = { title: "Mẫu cam kết" };

const STATUS = { DRAFT: ["Bản nháp", "amber"], PUBLISHED: ["Đang có hiệu lực", "green"], SUPERSEDED: ["Đã thay thế", "gray"] } as const;

export default async function TemplatesPage() {
  await requirePageRole("ADMIN");
  const versions = await listTemplateVersions();
  const draft = versions.find((v) => v.status === "DRAFT");
  const published = versions.find((v) => v.status === "PUBLISHED");
  return (
    <>
      <PageHeader
        title="Mẫu bản cam kết"
        description="Mỗi phiên bản đã công bố được khóa bằng mã băm nội dung; muốn thay đổi thì soạn phiên bản mới."
        actions={
          draft ? (
            <Link href={`/quan-tri/mau-cam-ket/${draft.id}`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
              Tiếp tục bản nháp phiên bản {draft.version}
            </Link>
          ) : published ? (
            <StartDraftForm versionId={published.id} label="Soạn phiên bản mới" />
          ) : null
        }
      />
      <DataTable headers={["Phiên bản", "Trạng thái", "Công bố", "Mã băm nội dung", "Chiến dịch"]} isEmpty={versions.length === 0} empty="Chưa có phiên bản mẫu nào.">
        {versions.map((v) => (
          <tr key={v.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/mau-cam-ket/${v.id}`} className="font-medium text-brand-700 hover:underline">
                Phiên bản {v.version}
              </Link>
            </td>
            <td className="px-3 py-2">
              <Badge tone={STATUS[v.status][1]}>{STATUS[v.status][0]}</Badge>
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
