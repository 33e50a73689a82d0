import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { listCertificates } from "@/lib/signatures/list-certificates";
import { formatDate, formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { RevokeCertificateForm } from "@/components/admin/revoke-certificate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.certificates.title };
}

export default async function CertificatesPage() {
  await requirePageRole("ADMIN");
  const certificates = await listCertificates();
  const { admin } = await getMessages();
  const t = admin.certificates;
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <a href="/ca/city-ca.pem" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
            {t.downloadCa}
          </a>
        }
      />
      <DataTable
        headers={[t.headers.holder, t.headers.serial, t.headers.validity, t.headers.fingerprint, admin.shared.status]}
        isEmpty={certificates.length === 0}
        empty={t.empty}
      >
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
                  <Badge tone="red">{t.revoked}</Badge>
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
