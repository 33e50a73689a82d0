import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { listCertificates } from "@/lib/signatures/list-certificates";
import { formatDate, formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { RevokeCertificateForm } from "@/components/admin/revoke-certificate-form";

export const metadata: Metadata = { title: "Chứng thư số" };

export default async function CertificatesPage() {
  await requirePageRole("ADMIN");
  const certificates = await listCertificates();
  return (
    <>
      <PageHeader
        title="Chứng thư số"
        description="Mỗi người ký có chứng thư riêng do CA của thành phố cấp khi ký lần đầu; khóa riêng được mã hóa, không bao giờ rời máy chủ."
        actions={
          <a href="/ca/city-ca.pem" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
            Tải chứng thư CA (PEM)
          </a>
        }
      />
      <DataTable headers={["Người giữ", "Số sê-ri", "Hiệu lực", "Dấu vân tay SHA-256", "Trạng thái"]} isEmpty={certificates.length === 0} empty="Chưa có chứng thư nào: chứng thư được cấp khi một người ký lần đầu.">
        {certificates.map((c) => (
          <tr key={c.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              {c.user.fullName}
              <div className="text-xs text-slate-500">{c.user.email}</div>
            </td>
            <td className="px-3 py-2 font-mono text-xs">{c.serialHex}</td>
            <td className="px-3 py-2">
              {formatDate(c.notBefore)} – {formatDate(c.notAfter)}
            </td>
            <td className="max-w-56 break-all px-3 py-2 font-mono text-xs">{c.sha256Fingerprint}</td>
            <td className="px-3 py-2">
              {c.revokedAt ? (
                <>
                  <Badge tone="red">Đã thu hồi</Badge>
                  <div className="text-xs text-slate-600">
                    {formatDateTime(c.revokedAt)} — {c.revokedReason}
                  </div>
                </>
              ) : (
                <RevokeCertificateForm certificateId={c.id} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
