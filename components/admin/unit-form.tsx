"use client";

import { useActionState } from "react";
import { saveUnitAction } from "@/app/(app)/quan-tri/actions";
import { TextField, SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import type { UnitKind } from "@/lib/generated/prisma/enums";

type Props = {
  unit?: { id: string; name: string; kind: UnitKind; code: string; issuingBodyId: string | null };
  /** Active bodies, plus the unit's own even if deactivated since (lib/issuing-bodies/list-issuing-bodies). */
  issuingBodies: { id: string; name: string }[];
};

export function UnitForm({ unit, issuingBodies }: Props) {
  const [state, action] = useActionState(saveUnitAction.bind(null, unit?.id), { ok: false });
  const { common, admin, bodies } = useMessages();
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
      <SelectField
        name="issuingBodyId"
        label={bodies.unitBody}
        state={state}
        defaultValue={unit?.issuingBodyId ?? ""}
        hint={bodies.unitBodyHint}
        options={[{ value: "", label: bodies.cityDefault }, ...issuingBodies.map((b) => ({ value: b.id, label: b.name }))]}
      />
      <FormMessage state={state} />
      <SubmitButton>{unit ? admin.shared.saveChanges : admin.units.form.create}</SubmitButton>
    </form>
  );
}
