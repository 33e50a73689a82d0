"use client";

import { useActionState } from "react";
import { saveUnitAction } from "@/app/(app)/quan-tri/actions";
import { TextField, SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";
import type { UnitKind } from "@/lib/generated/prisma/enums";

type Props = { unit?: { id: string; name: string; kind: UnitKind; code: string } };

export function UnitForm({ unit }: Props) {
  const [state, action] = useActionState(saveUnitAction.bind(null, unit?.id), { ok: false });
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField name="name" label="Tên đơn vị" state={state} defaultValue={unit?.name} maxLength={150} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label="Loại đơn vị"
          state={state}
          defaultValue={unit?.kind ?? "AGENCY"}
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
        />
        <TextField
          name="code"
          label="Mã đơn vị"
          state={state}
          defaultValue={unit?.code}
          maxLength={20}
          hint="Chữ không dấu và số, ví dụ NV hoặc mã Tổng cục Thống kê 22948"
          required
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton>{unit ? "Lưu thay đổi" : "Tạo đơn vị"}</SubmitButton>
    </form>
  );
}
