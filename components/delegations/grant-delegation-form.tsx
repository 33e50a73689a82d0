"use client";

import { useActionState } from "react";
import { grantDelegationAction } from "@/app/(app)/quan-tri/uy-quyen/actions";
import { SelectField, TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

type Person = { id: string; fullName: string; jobTitle: string; unitName: string | null };

const label = (p: Person) => `${p.fullName} — ${p.jobTitle}${p.unitName ? ` (${p.unitName})` : ""}`;

/** The admin grants a delegation; dates are Vietnamese calendar days (the last one included). */
export function GrantDelegationForm({ principals, deputies, today }: { principals: Person[]; deputies: Person[]; today: string }) {
  const [state, action] = useActionState(grantDelegationAction, { ok: false });
  const t = useMessages().delegation;
  const choose = { value: "", label: t.form.choose };
  const typed = state.values ?? {};
  return (
    // Keyed by the answer: a refused grant re-renders the form with what was typed as its defaults.
    <form key={JSON.stringify(typed)} action={action} className="grid gap-3 md:grid-cols-2">
      <SelectField name="principalId" label={t.form.principal} hint={t.form.principalHint} state={state} defaultValue={typed.principalId ?? ""} options={[choose, ...principals.map((p) => ({ value: p.id, label: label(p) }))]} />
      <SelectField name="deputyId" label={t.form.deputy} hint={t.form.deputyHint} state={state} defaultValue={typed.deputyId ?? ""} options={[choose, ...deputies.map((p) => ({ value: p.id, label: label(p) }))]} />
      <SelectField name="kind" label={t.form.kind} state={state} defaultValue={typed.kind ?? "KT"} options={(["KT", "Q", "TM"] as const).map((k) => ({ value: k, label: t.kinds[k] }))} />
      <TextField name="reason" label={t.form.reason} state={state} maxLength={300} defaultValue={typed.reason ?? ""} />
      <TextField name="validFrom" label={t.form.validFrom} state={state} type="date" defaultValue={typed.validFrom ?? today} required />
      <TextField name="validUntil" label={t.form.validUntil} state={state} type="date" defaultValue={typed.validUntil ?? ""} required />
      <div className="md:col-span-2 space-y-2">
        <FormMessage state={state} />
        <SubmitButton>{t.form.submit}</SubmitButton>
      </div>
    </form>
  );
}
