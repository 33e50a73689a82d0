import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listArchive } from "@/lib/archive/list-archive";
import { ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUS_TONES } from "@/lib/assignments/assignment-status";
import { DOCUMENT_KIND_LABELS } from "@/lib/assignments/document-file-name";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { AuditChainCheck } from "@/components/archive/audit-chain-check";
import { ApiTokens } from "@/components/archive/api-tokens";
import { createApiTokenAction, revokeApiTokenAction, verifyAuditChainAction } from "./actions";

export const metadata: Metadata = { title: "Lưu trữ" };

const formatSize = (bytes: number) => `${(bytes / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 0 })} KB`;

export default async function ArchivePage() {
  const actor = await requirePageRole("AUDITOR", "CHAIRPERSON", "ADMIN");
  const [campaigns, tokens] = await Promise.all([listArchive(actor).then((c) => c ?? []), listApiTokens(actor)]);
  const when = (date: Date | null) => (date ? formatDateTime(date) : null);
  return (
    <>
      <PageHeader
        title="Lưu trữ hồ sơ cam kết"
        description="Mọi phiên bản PDF đã lưu của từng đơn vị, mã SHA-256 và bộ lưu trữ để kiểm tra độc lập."
        actions={
          <Link href="/kiem-tra" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
            Kiểm tra một tệp PDF
          </Link>
        }
      />
      <section aria-labelledby="audit-chain" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="audit-chain" className="mb-1 text-lg font-semibold">
          Nhật ký kiểm toán
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Mỗi sự kiện lưu mã băm của sự kiện trước; cơ sở dữ liệu từ chối sửa hoặc xóa. Nút dưới đây tính lại toàn bộ chuỗi và chỉ ra
          sự kiện đầu tiên không khớp (nếu có).
        </p>
        <AuditChainCheck action={verifyAuditChainAction} />
      </section>
      <section aria-labelledby="api-tokens" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="api-tokens" className="mb-1 text-lg font-semibold">
          Khóa API cá nhân (chỉ đọc)
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Cho kịch bản kiểm toán: gửi <code>Authorization: Bearer &lt;khóa&gt;</code> tới <code>/api/v1</code>; mô tả đầy đủ ở{" "}
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            /api/v1/openapi.json
          </a>
          . Chỉ lưu mã băm của khóa; mất khóa thì thu hồi và tạo khóa mới.
        </p>
        <ApiTokens
          tokens={tokens.map((t) => ({ ...t, createdAt: formatDateTime(t.createdAt), lastUsedAt: when(t.lastUsedAt), revokedAt: when(t.revokedAt) }))}
          createAction={createApiTokenAction}
          revokeAction={revokeApiTokenAction}
        />
      </section>
      {campaigns.length === 0 && <p className="text-slate-600">Chưa có chiến dịch nào được phát động.</p>}
      {campaigns.map((campaign) => (
        <section key={campaign.id} aria-labelledby={`campaign-${campaign.id}`} className="mb-8">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id={`campaign-${campaign.id}`} className="text-xl font-semibold">
                {campaign.name}
              </h2>
              <p className="text-sm text-slate-600">
                Phát động {campaign.launchedAt ? formatDateTime(campaign.launchedAt) : "—"} · hạn ký {formatDateTime(campaign.deadline)} · mẫu
                cam kết phiên bản {campaign.templateVersion.version}
                {campaign.templateVersion.contentHash && (
                  <>
                    {" "}
                    (SHA-256 nội dung <code className="break-all text-xs">{campaign.templateVersion.contentHash}</code>)
                  </>
                )}
              </p>
            </div>
            <div className="text-right">
              <a
                href={`/luu-tru/${campaign.id}/archive.zip`}
                download
                className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
              >
                Tải bộ lưu trữ (.zip)
              </a>
              <p className="mt-1 max-w-xs text-xs text-slate-600">
                Tệp được tạo và gửi dần ngay khi bấm; với chiến dịch lớn, theo dõi tiến độ trong mục tải xuống của trình duyệt.
              </p>
            </div>
          </div>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Đơn vị</th>
                  <th scope="col" className="px-3 py-2">Người đứng đầu</th>
                  <th scope="col" className="px-3 py-2">Trạng thái</th>
                  <th scope="col" className="px-3 py-2">Phiên bản đã lưu (SHA-256)</th>
                </tr>
              </thead>
              <tbody>
                {campaign.assignments.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100 align-top" data-testid={`archive-row-${a.unit.slug}`}>
                    <td className="px-3 py-2">
                      <Link href={`/cam-ket/${a.id}`} className="text-brand-700 underline">
                        {a.unit.name}
                      </Link>
                      {a.revision > 1 && <span className="text-slate-600"> (lần {a.revision})</span>}
                    </td>
                    <td className="px-3 py-2">{a.headName}</td>
                    <td className="px-3 py-2">
                      <Badge tone={ASSIGNMENT_STATUS_TONES[a.status]}>{ASSIGNMENT_STATUS_LABELS[a.status]}</Badge>
                    </td>
                    <td className="px-3 py-2">
                      <ul className="space-y-2">
                        {a.documents.map((d) => (
                          <li key={d.id}>
                            <a
                              href={`/cam-ket/${a.id}/pdf?version=${d.kind}&download=1`}
                              className="font-medium text-brand-700 underline"
                              aria-label={`Tải ${DOCUMENT_KIND_LABELS[d.kind]} của ${a.unit.name}`}
                            >
                              {DOCUMENT_KIND_LABELS[d.kind]}
                            </a>{" "}
                            <span className="text-slate-600">
                              · {formatSize(d.size)} · lưu {formatDateTime(d.createdAt)}
                            </span>
                            <code className="block break-all text-xs text-slate-700">{d.sha256}</code>
                          </li>
                        ))}
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
