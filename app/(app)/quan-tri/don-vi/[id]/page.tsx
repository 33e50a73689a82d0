import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getUnit } from "@/lib/units/get-unit";
import { listHeadCandidates } from "@/lib/users/list-head-candidates";
import { listIssuingBodyOptions } from "@/lib/issuing-bodies/list-issuing-bodies";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { setUnitActiveAction } from "../../actions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { UnitForm } from "@/components/admin/unit-form";
import { UnitHeadForm } from "@/components/admin/unit-head-form";
import { ToggleActiveForm } from "@/components/admin/toggle-active-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.units.title };
}

export default async function UnitAdminPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const { id } = await params;
  const [unit, candidates] = await Promise.all([getUnit(id), listHeadCandidates()]);
  if (!unit) notFound();
  const issuingBodies = await listIssuingBodyOptions(unit.issuingBodyId);
  const head = unit.users.find((u) => u.role === "UNIT_HEAD" && u.active);
  const { common, admin } = await getMessages();
  const t = admin.units;
  return (
    <>
      <PageHeader
        title={unit.name}
        description={
          <>
            {common.unitKinds[unit.kind]} · {formatMessage(t.code, { code: unit.code })} ·{" "}
            {unit.active ? <Badge tone="green">{admin.shared.active}</Badge> : <Badge>{t.inactive}</Badge>}
          </>
        }
        actions={<Link href="/quan-tri/don-vi" className="text-sm text-brand-700 hover:underline">{t.backToList}</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 font-semibold">{t.info}</h2>
          <UnitForm unit={unit} issuingBodies={issuingBodies} />
        </section>
        <div className="space-y-4">
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-1 font-semibold">{t.head}</h2>
            <p className="mb-3 text-sm text-slate-600">
              {head ? formatMessage(t.currentHead, { name: head.fullName, jobTitle: head.jobTitle }) : t.noHeadYet}
            </p>
            <UnitHeadForm unitId={unit.id} currentHeadId={head?.id} candidates={candidates} />
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{t.members}</h2>
            <ul className="space-y-1 text-sm">
              {unit.users.map((u) => (
                <li key={u.id} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 py-1">
                  <Link href={`/quan-tri/nguoi-dung/${u.id}`} className="text-brand-700 hover:underline">
                    {u.fullName}
                  </Link>
                  <span className="text-slate-600">
                    {common.roles[u.role]}
                    {!u.active && ` · ${admin.users.deactivated}`}
                  </span>
                </li>
              ))}
              {unit.users.length === 0 && <li className="text-slate-500">{t.noMembers}</li>}
            </ul>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{admin.shared.status}</h2>
            <ToggleActiveForm
              active={unit.active}
              action={setUnitActiveAction.bind(null, unit.id)}
              deactivateLabel={t.deactivate}
              activateLabel={t.activate}
            />
          </section>
        </div>
      </div>
    </>
  );
}
