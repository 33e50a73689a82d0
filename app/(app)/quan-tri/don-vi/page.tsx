import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUnits } from "@/lib/units/list-units";
import { UNIT_KINDS, unitListFilterSchema } from "@/lib/units/unit-schemas";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SearchForm } from "@/components/ui/search-form";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.units.title };
}

export default async function UnitsAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageRole("ADMIN");
  const filter = unitListFilterSchema.parse(await searchParams);
  const units = await listUnits(filter);
  const { admin, common, bodies } = await getMessages();
  const t = admin.units;
  return (
    <>
      <PageHeader
        title={t.title}
        description={formatMessage(t.count, { count: units.length })}
        actions={
          <Link href="/quan-tri/don-vi/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t.add}
          </Link>
        }
      />
      <SearchForm
        q={filter.q}
        placeholder={t.searchPlaceholder}
        select={{ name: "kind", label: t.kindFilter, value: filter.kind, options: UNIT_KINDS.map((k) => ({ value: k, label: common.unitKinds[k] })) }}
      />
      <DataTable
        headers={[t.headers.unit, t.headers.kind, t.headers.code, t.headers.head, bodies.unitBody, admin.shared.status]}
        isEmpty={units.length === 0}
        empty={t.empty}
      >
        {units.map((unit) => (
          <tr key={unit.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/don-vi/${unit.id}`} className="font-medium text-brand-700 hover:underline">
                {unit.name}
              </Link>
            </td>
            <td className="px-3 py-2">{common.unitKinds[unit.kind]}</td>
            <td className="px-3 py-2 font-mono">{unit.code}</td>
            <td className="px-3 py-2">{unit.users[0]?.fullName ?? <span className="text-amber-700">{t.noHead}</span>}</td>
            <td className="px-3 py-2 text-xs">{unit.issuingBody?.name ?? bodies.cityDefault}</td>
            <td className="px-3 py-2">{unit.active ? <Badge tone="green">{admin.shared.active}</Badge> : <Badge>{t.stopped}</Badge>}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
