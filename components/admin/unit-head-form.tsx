"use client";

import { useActionState } from "react";
import { assignUnitHeadAction } from "@/app/(app)/quan-tri/actions";
import { SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Candidate = { id: string; fullName: string; email: string; unitName: string | null };

export function UnitHeadForm({ unitId, currentHeadId, candidates }: { unitId: string; currentHeadId?: string; candidates: Candidate[] }) {
  const [state, action] = useActionState(assignUnitHeadAction.bind(null, unitId), { ok: false });
  if (candidates.length === 0) {
    return <p className="text-sm text-slate-600">Chưa có tài khoản “Người đứng đầu đơn vị” nào đang hoạt động. Hãy tạo tài khoản trước.</p>;
  }
  return (
    <form action={action} className="space-y-3">
      <SelectField
        name="userId"
        label="Người đứng đầu"
        state={state}
        defaultValue={currentHeadId ?? ""}
        options={[
          { value: "", label: "— Chọn tài khoản —" },
          ...candidates.map((c) => ({
            value: c.id,
            label: `${c.fullName} (${c.email})${c.unitName ? ` — đang ở ${c.unitName}` : ""}`,
          })),
        ]}
      />
      <FormMessage state={state} />
      <SubmitButton>Giao làm người đứng đầu</SubmitButton>
    </form>
  );
}
