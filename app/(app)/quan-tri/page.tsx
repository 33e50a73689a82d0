import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Quản trị" };

export default async function AdminHomePage() {
  await requirePageRole("ADMIN");
  const overview = await getAdminOverview();
  return (
    <>
      <PageHeader title="Quản trị" description="Đơn vị, tài khoản và chiến dịch ký cam kết của thành phố." />
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Đơn vị đang hoạt động</h2>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
            {UNIT_KINDS.map((kind) => (
              <div key={kind} className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs text-slate-500">{UNIT_KIND_LABELS[kind]}</dt>
                <dd className="text-2xl font-bold">{overview.unitsByKind[kind] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <Link href="/quan-tri/don-vi" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            Quản lý đơn vị →
          </Link>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Tài khoản đang hoạt động</h2>
          <ul className="mt-3 space-y-1 text-sm">
            {ROLES.map((role) => (
              <li key={role} className="flex justify-between border-b border-slate-100 py-1">
                <span>{ROLE_LABELS[role]}</span>
                <span className="font-semibold">{overview.usersByRole[role] ?? 0}</span>
              </li>
            ))}
          </ul>
          <Link href="/quan-tri/nguoi-dung" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            Quản lý người dùng →
          </Link>
        </section>
      </div>
      <section className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">Đơn vị chưa có người đứng đầu</h2>
        {overview.unitsWithoutHead.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Tất cả đơn vị đang hoạt động đều đã có người đứng đầu.</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {overview.unitsWithoutHead.map((u) => (
              <li key={u.id}>
                <Link href={`/quan-tri/don-vi/${u.id}`} className="text-brand-700 hover:underline">
                  {u.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
