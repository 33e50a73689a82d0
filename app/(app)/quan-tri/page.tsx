import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { ROLES } from "@/lib/auth/roles";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import { getMessages } from "@/lib/i18n/get-messages";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.overview.title };
}

export default async function AdminHomePage() {
  await requirePageRole("ADMIN");
  const overview = await getAdminOverview();
  const { common, admin, webhooks } = await getMessages();
  const t = admin.overview;
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">{t.activeUnits}</h2>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
            {UNIT_KINDS.map((kind) => (
              <div key={kind} className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs text-slate-500">{common.unitKinds[kind]}</dt>
                <dd className="text-2xl font-bold">{overview.unitsByKind[kind] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <Link href="/quan-tri/don-vi" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t.manageUnits}
          </Link>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">{t.activeUsers}</h2>
          <ul className="mt-3 space-y-1 text-sm">
            {ROLES.map((role) => (
              <li key={role} className="flex justify-between border-b border-slate-100 py-1">
                <span>{common.roles[role]}</span>
                <span className="font-semibold">{overview.usersByRole[role] ?? 0}</span>
              </li>
            ))}
          </ul>
          <Link href="/quan-tri/nguoi-dung" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t.manageUsers}
          </Link>
        </section>
      </div>
      <p className="mt-4 text-sm">
        <Link href="/quan-tri/tin-cay" className="font-medium text-brand-700 hover:underline">
          {t.manageTrustList}
        </Link>
        {" · "}
        <Link href="/quan-tri/webhook" className="font-medium text-brand-700 hover:underline">
          {webhooks.overviewLink}
        </Link>
      </p>
      <section className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">{t.unitsWithoutHead}</h2>
        {overview.unitsWithoutHead.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t.allUnitsHaveHead}</p>
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
