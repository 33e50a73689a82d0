import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUnits } from "@/lib/units/list-units";
import { UNIT_KINDS, UNIT_KIND_LABELS, unitListFilterSchema } from "@/lib/units/unit-schemas";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SearchForm } from "@/components/ui/search-form";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Đơn vị" };

export default async function UnitsAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageRole("ADMIN");
  const filter = unitListFilterSchema.parse(await searchParams);
  const units = await listUnits(filter);
  return (
    <>
      <PageHeader
        title="Đơn vị"
        description={`${units.length} đơn vị`}
        actions={
          <Link href="/quan-tri/don-vi/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            Thêm đơn vị
          </Link>
        }
      />
      <SearchForm
        q={filter.q}
        placeholder="Tên hoặc mã, gõ không dấu cũng được"
        select={{ name: "kind", label: "Loại", value: filter.kind, options: UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] })) }}
      />
      <DataTable headers={["Đơn vị", "Loại", "Mã", "Người đứng đầu", "Trạng thái"]} isEmpty={units.length === 0} empty="Không có đơn vị nào khớp bộ lọc.">
        {units.map((unit) => (
          <tr key={unit.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/don-vi/${unit.id}`} className="font-medium text-brand-700 hover:underline">
                {unit.name}
              </Link>
            </td>
            <td className="px-3 py-2">{UNIT_KIND_LABELS[unit.kind]}</td>
            <td className="px-3 py-2 font-mono">{unit.code}</td>
            <td className="px-3 py-2">{unit.users[0]?.fullName ?? <span className="text-amber-700">Chưa có</span>}</td>
            <td className="px-3 py-2">{unit.active ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng</Badge>}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
