"use client";

import { useActionState } from "react";
import { resetUserPasswordAction } from "@/app/(app)/quan-tri/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function PasswordResetForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(resetUserPasswordAction.bind(null, userId), { ok: false });
  return (
    <form action={action} className="space-y-3" noValidate>
      <TextField name="password" label="Mật khẩu mới" type="password" autoComplete="new-password" state={state} />
      <TextField name="confirm" label="Nhập lại mật khẩu mới" type="password" autoComplete="new-password" state={state} />
      <FormMessage state={state} />
      <SubmitButton>Đặt lại mật khẩu</SubmitButton>
    </form>
  );
}
