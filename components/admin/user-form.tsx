"use client";

import { useActionState } from "react";
import { saveUserAction } from "@/app/(app)/quan-tri/actions";
import { TextField, SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

type Props = {
  user?: { id: string; email: string; fullName: string; jobTitle: string; role: Role; unitId: string | null };
  units: { id: string; name: string }[];
};

export function UserForm({ user, units }: Props) {
  const [state, action] = useActionState(saveUserAction.bind(null, user?.id), { ok: false });
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="fullName" label="Họ và tên" state={state} defaultValue={user?.fullName} maxLength={120} required />
        <TextField name="email" label="Email" type="email" state={state} defaultValue={user?.email} maxLength={254} required />
        <TextField name="jobTitle" label="Chức vụ" state={state} defaultValue={user?.jobTitle} maxLength={120} required />
        <SelectField
          name="role"
          label="Vai trò"
          state={state}
          defaultValue={user?.role ?? "UNIT_HEAD"}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <SelectField
          name="unitId"
          label="Đơn vị"
          state={state}
          defaultValue={user?.unitId ?? ""}
          hint="Bắt buộc với người đứng đầu đơn vị"
          options={[{ value: "", label: "— Không thuộc đơn vị —" }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
        />
        {!user && (
          <TextField name="password" label="Mật khẩu ban đầu" type="password" autoComplete="new-password" state={state} required />
        )}
      </div>
      <FormMessage state={state} />
      <SubmitButton>{user ? "Lưu thay đổi" : "Tạo tài khoản"}</SubmitButton>
    </form>
  );
}
