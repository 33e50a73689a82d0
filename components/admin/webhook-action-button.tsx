"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { WebhookSecretOnce } from "@/components/admin/webhook-secret-once";
import type { WebhookFormResult } from "@/app/(app)/quan-tri/webhook/actions";

/** One webhook button (enable, disable, rotate, delete, resend) with the server's answer — and a new secret, once. */
export function WebhookActionButton({
  action,
  label,
  variant = "secondary",
}: {
  action: (prev: WebhookFormResult) => Promise<WebhookFormResult>;
  label: string;
  variant?: "primary" | "danger" | "secondary";
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-1">
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FormMessage state={state} />
      {state.secret && <WebhookSecretOnce secret={state.secret} />}
    </form>
  );
}
