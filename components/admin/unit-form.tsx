"use client";

import { useActionState } from "react";
import { saveUnitAction } from "@/app/(app)/quan-tri/actions";
import { TextField, SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import type { UnitKind } from "@/lib/generated/prisma/enums";

type Props = { unit?: { id: string; name: string; kind: UnitKind; code: string } };

export function UnitForm({ unit }: Props) {
  const [state, action] = useActionState(saveUnitAction.bind(null, unit?.id), { ok: false });
  const { common, admin } = useMessages();
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField name="name" label={common.fields.unitName} state={state} defaultValue={unit?.name} maxLength={150} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={admin.units.form.kind}
          state={state}
          defaultValue={unit?.kind ?? "AGENCY"}
          options={UNIT_KINDS.map((k) => ({ value: k, label: common.unitKinds[k] }))}
        />
        <TextField
          name="code"
          label={common.fields.unitCode}
          state={state}
          defaultValue={unit?.code}
          maxLength={20}
          hint={admin.units.form.codeHint}
          required
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton>{unit ? admin.shared.saveChanges : admin.units.form.create}</SubmitButton>
    </form>
  );
}
