import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatMessage } from "@/lib/i18n/format-message";
import { listDelegations } from "@/lib/delegations/list-delegations";
import { listDelegationCandidates } from "@/lib/delegations/list-delegation-candidates";
import type { DelegationState } from "@/lib/delegations/delegation-state";
import { formatDate } from "@/lib/time/vietnam-time";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { GrantDelegationForm } from "@/components/delegations/grant-delegation-form";
import { revokeDelegationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).delegation.title };
}

const TONES: Record<DelegationState, "green" | "amber" | "gray" | "red"> = { VALID: "green", NOT_YET: "amber", EXPIRED: "gray", REVOKED: "red" };

export default async function DelegationsPage() {
  const actor = await requirePageRole("ADMIN");
  const [delegations, candidates] = await Promise.all([listDelegations(actor), listDelegationCandidates(actor)]);
  const t = (await getMessages()).delegation;
  const person = (p: { id: string; fullName: string; jobTitle: string; unit: { name: string } | null }) => ({ id: p.id, fullName: p.fullName, jobTitle: p.jobTitle, unitName: p.unit?.name ?? null });
  return (
    <>
      <PageHeader title={t.title} description={t.intro} />
      <section className="mb-6 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="grant-heading">
        <h2 id="grant-heading" className="mb-3 font-semibold">
          {t.form.heading}
        </h2>
        <GrantDelegationForm principals={candidates.principals.map(person)} deputies={candidates.deputies.map(person)} today={vietnamToday()} />
      </section>
      <h2 className="mb-2 font-semibold">{t.list.heading}</h2>
      <DataTable headers={[t.list.principal, t.list.deputy, t.list.kind, t.list.period, t.list.state, t.list.actions]} isEmpty={delegations.length === 0} empty={t.list.empty}>
        {delegations.map((d) => (
          <tr key={d.id} data-testid="delegation-row" className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              {d.principal.fullName}
              <div className="text-xs text-slate-500">{d.principal.jobTitle}</div>
            </td>
            <td className="px-3 py-2">
              {d.deputy.fullName}
              <div className="text-xs text-slate-500">{d.deputy.jobTitle}</div>
            </td>
            <td className="px-3 py-2">{t.kinds[d.kind]}</td>
            <td className="px-3 py-2">
              {formatMessage(t.list.periodRange, { from: formatDate(d.validFrom), until: formatDate(d.validUntil) })}
              {d.reason && <div className="text-xs text-slate-500">{d.reason}</div>}
            </td>
            <td className="px-3 py-2">
              <Badge tone={TONES[d.state]}>{t.states[d.state]}</Badge>
            </td>
            <td className="px-3 py-2">{!d.revokedAt && <ActionButtonForm action={revokeDelegationAction.bind(null, d.id)} label={t.list.revoke} variant="danger" />}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
