"use client";

import { useActionState } from "react";
import { assignUnitHeadAction } from "@/app/(app)/quan-tri/actions";
import { SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";

type Candidate = { id: string; fullName: string; email: string; unitName: string | null };

export function UnitHeadForm({ unitId, currentHeadId, candidates }: { unitId: string; currentHeadId?: string; candidates: Candidate[] }) {
  const [state, action] = useActionState(assignUnitHeadAction.bind(null, unitId), { ok: false });
  const { units } = useMessages().admin;
  const t = units.headForm;
  if (candidates.length === 0) {
    return <p className="text-sm text-slate-600">{t.noCandidates}</p>;
  }
  return (
    <form action={action} className="space-y-3">
      <SelectField
        name="userId"
        label={units.head}
        state={state}
        defaultValue={currentHeadId ?? ""}
        options={[
          { value: "", label: t.choose },
          ...candidates.map((c) => ({
            value: c.id,
            label: formatMessage(c.unitName ? t.candidateElsewhere : t.candidate, { name: c.fullName, email: c.email, unit: c.unitName ?? "" }),
          })),
        ]}
      />
      <FormMessage state={state} />
      <SubmitButton>{t.submit}</SubmitButton>
    </form>
  );
}
