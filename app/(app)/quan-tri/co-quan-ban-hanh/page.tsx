import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listIssuingBodies } from "@/lib/issuing-bodies/list-issuing-bodies";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).bodies.title };
}

export default async function IssuingBodiesAdminPage() {
  await requirePageRole("ADMIN");
  const list = await listIssuingBodies();
  const { bodies: t } = await getMessages();
  return (
    <>
      <PageHeader
        title={t.title}
        description={formatMessage(t.count, { count: list.length })}
        actions={
          <Link href="/quan-tri/co-quan-ban-hanh/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t.add}
          </Link>
        }
      />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t.intro}</p>
      <DataTable
        headers={[t.headers.name, t.headers.superior, t.headers.place, t.headers.abbreviation, t.headers.seal, t.headers.units, t.headers.clerks, t.headers.status]}
        isEmpty={list.length === 0}
        empty={t.empty}
      >
        {list.map((body) => (
          <tr key={body.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/co-quan-ban-hanh/${body.id}`} className="font-medium text-brand-700 hover:underline">
                {body.name}
              </Link>{" "}
              {body.isCity && <Badge tone="blue">{t.city}</Badge>}
            </td>
            <td className="px-3 py-2">{body.superiorName ?? "—"}</td>
            <td className="px-3 py-2">{body.placeName}</td>
            <td className="px-3 py-2 font-mono">{body.abbreviation}</td>
            <td className="px-3 py-2">
              {body.sealSha256 ? (
                // eslint-disable-next-line @next/next/no-img-element -- a private, session-checked route; next/image would proxy it
                <img src={`/quan-tri/co-quan-ban-hanh/${body.id}/con-dau?v=${body.sealSha256.slice(0, 12)}`} alt={formatMessage(t.sealAlt, { name: body.name })} width={40} height={40} />
              ) : (
                <span className="text-amber-700">{t.noSeal}</span>
              )}
            </td>
            <td className="px-3 py-2 text-right">{body.unitCount}</td>
            <td className="px-3 py-2">{body.clerks.length > 0 ? body.clerks.map((c) => c.fullName).join(", ") : <span className="text-amber-700">{t.noClerk}</span>}</td>
            <td className="px-3 py-2">{body.active ? <Badge tone="green">{t.active}</Badge> : <Badge>{t.inactive}</Badge>}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
