import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { listRegister } from "@/lib/issuance/list-register";
import { formatDate } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { RegisterFilters } from "@/components/issuance/register-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).issuance.register.title };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** /van-thu/so-van-ban-di — the register of outgoing documents: a clerk's own body, every body for city-level readers. */
export default async function RegisterPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageRole("CLERK", "ADMIN", "CHAIRPERSON", "AUDITOR");
  const t = (await getMessages()).issuance;
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const register = await listRegister(actor, params);
  if (!register) notFound();
  const exportQuery = new URLSearchParams({ year: String(register.year), ...(register.bodyId && { body: register.bodyId }) });
  const exportLink = (format: "csv" | "xlsx", label: string) => (
    <a href={`/van-thu/so-van-ban-di/xuat?format=${format}&${exportQuery}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
      {label}
    </a>
  );
  const r = t.register;
  return (
    <>
      <PageHeader title={r.title} description={r.description} actions={<>{exportLink("csv", r.exportCsv)}{exportLink("xlsx", r.exportXlsx)}</>} />
      <RegisterFilters year={register.year} bodyId={register.bodyId} bodies={register.bodies} />
      <h2 className="mb-2 text-lg font-semibold">{formatMessage(r.caption, { year: register.year })}</h2>
      <DataTable
        headers={[r.body, r.number, r.code, r.date, r.subject, r.signer, r.recipients, r.document]}
        empty={r.empty}
        isEmpty={register.rows.length === 0}
        testId="outgoing-register"
      >
        {register.rows.map((row) => (
          <tr key={row.assignmentId} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">{row.bodyName}</td>
            <td className="px-3 py-2 font-semibold">{String(row.number).padStart(2, "0")}</td>
            <td className="px-3 py-2">{row.code}</td>
            <td className="px-3 py-2">{formatDate(row.issuedAt)}</td>
            <td className="px-3 py-2">{row.subject}</td>
            <td className="px-3 py-2">{row.signerName}</td>
            <td className="px-3 py-2">{row.recipients.join("; ")}</td>
            <td className="px-3 py-2">
              <a
                href={`/cam-ket/${row.assignmentId}/pdf?version=ISSUED&download=1`}
                aria-label={formatMessage(r.downloadLabel, { number: row.number })}
                className="text-brand-700 underline"
              >
                {r.download}
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
