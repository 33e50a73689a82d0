import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getUnit } from "@/lib/units/get-unit";
import { listHeadCandidates } from "@/lib/users/list-head-candidates";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";
import { setUnitActiveAction } from "../../actions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { UnitForm } from "@/components/admin/unit-form";
import { UnitHeadForm } from "@/components/admin/unit-head-form";
import { ToggleActiveForm } from "@/components/admin/toggle-active-form";

export const metadata: Metadata = { title: "Đơn vị" };

export default async function UnitAdminPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const { id } = await params;
  const [unit, candidates] = await Promise.all([getUnit(id), listHeadCandidates()]);
  if (!unit) notFound();
  const head = unit.users.find((u) => u.role === "UNIT_HEAD" && u.active);
  return (
    <>
      <PageHeader
        title={unit.name}
        description={
          <>
            {UNIT_KIND_LABELS[unit.kind]} · mã {unit.code} · {unit.active ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}
          </>
        }
        actions={<Link href="/quan-tri/don-vi" className="text-sm text-brand-700 hover:underline">← Danh sách đơn vị</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 font-semibold">Thông tin đơn vị</h2>
          <UnitForm unit={unit} />
        </section>
        <div className="space-y-4">
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-1 font-semibold">Người đứng đầu</h2>
            <p className="mb-3 text-sm text-slate-600">
              {head ? `Hiện tại: ${head.fullName} — ${head.jobTitle}` : "Đơn vị chưa có người đứng đầu: chưa thể đưa vào chiến dịch ký."}
            </p>
            <UnitHeadForm unitId={unit.id} currentHeadId={head?.id} candidates={candidates} />
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">Thành viên</h2>
            <ul className="space-y-1 text-sm">
              {unit.users.map((u) => (
                <li key={u.id} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 py-1">
                  <Link href={`/quan-tri/nguoi-dung/${u.id}`} className="text-brand-700 hover:underline">
                    {u.fullName}
                  </Link>
                  <span className="text-slate-600">
                    {ROLE_LABELS[u.role]}
                    {!u.active && " · đã vô hiệu hóa"}
                  </span>
                </li>
              ))}
              {unit.users.length === 0 && <li className="text-slate-500">Chưa có tài khoản nào.</li>}
            </ul>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">Trạng thái</h2>
            <ToggleActiveForm
              active={unit.active}
              action={setUnitActiveAction.bind(null, unit.id)}
              deactivateLabel="Ngừng hoạt động đơn vị"
              activateLabel="Kích hoạt lại đơn vị"
            />
          </section>
        </div>
      </div>
    </>
  );
}
