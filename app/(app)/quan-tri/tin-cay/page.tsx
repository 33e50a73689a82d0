import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatMessage } from "@/lib/i18n/format-message";
import { listTrustAnchors } from "@/lib/trust/list-trust-anchors";
import { formatDate } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { ToggleActiveForm } from "@/components/admin/toggle-active-form";
import { TrustAnchorUploadForm } from "@/components/admin/trust-anchor-upload-form";
import { setTrustAnchorEnabledAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.trustList.title };
}

export default async function TrustListPage() {
  await requirePageRole("ADMIN");
  const anchors = await listTrustAnchors();
  const { admin } = await getMessages();
  const t = admin.trustList;
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <DataTable
        headers={[t.headers.subject, t.headers.validity, t.headers.fingerprint, t.headers.certificates, admin.shared.status]}
        isEmpty={anchors.length === 0}
        empty={t.empty}
      >
        {anchors.map((a) => (
          <tr key={a.id} className="border-t border-slate-100 align-top">
            <td className="max-w-80 px-3 py-2">
              <div className="break-words">{a.subject}</div>
              {a.issuer && a.issuer !== a.subject && <div className="break-words text-xs text-slate-500">{formatMessage(t.issuer, { issuer: a.issuer })}</div>}
              {a.isCityCa && (
                <div className="mt-1">
                  <Badge tone="blue">{t.cityCa}</Badge>
                </div>
              )}
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              {formatDate(a.notBefore)} – {formatDate(a.notAfter)}
            </td>
            <td className="max-w-56 break-all px-3 py-2 font-mono text-xs">{a.fingerprintFormatted}</td>
            <td className="px-3 py-2 text-right">{a.certificateCount}</td>
            <td className="space-y-2 px-3 py-2">
              <Badge tone={a.enabled ? "green" : "gray"}>{a.enabled ? t.enabled : t.disabled}</Badge>
              <ToggleActiveForm active={a.enabled} action={setTrustAnchorEnabledAction.bind(null, a.id)} deactivateLabel={t.disable} activateLabel={t.enable} />
            </td>
          </tr>
        ))}
      </DataTable>
      <TrustAnchorUploadForm />
    </>
  );
}
