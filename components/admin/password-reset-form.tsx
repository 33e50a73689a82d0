"use client";

import { useActionState } from "react";
import { resetUserPasswordAction } from "@/app/(app)/quan-tri/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

export function PasswordResetForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(resetUserPasswordAction.bind(null, userId), { ok: false });
  const { users } = useMessages().admin;
  return (
    <form action={action} className="space-y-3" noValidate>
      <TextField name="password" label={users.form.newPassword} type="password" autoComplete="new-password" state={state} />
      <TextField name="confirm" label={users.form.confirmPassword} type="password" autoComplete="new-password" state={state} />
      <FormMessage state={state} />
      <SubmitButton>{users.resetPassword}</SubmitButton>
    </form>
  );
}
