"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormResult } from "@/lib/forms/form-result";

/** One button that deactivates or reactivates something, with the server's answer below it. */
export function ToggleActiveForm({
  active,
  action,
  deactivateLabel,
  activateLabel,
}: {
  active: boolean;
  action: (active: boolean, prev: FormResult) => Promise<FormResult>;
  deactivateLabel: string;
  activateLabel: string;
}) {
  const [state, formAction] = useActionState(action.bind(null, !active), { ok: false });
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant={active ? "danger" : "secondary"}>{active ? deactivateLabel : activateLabel}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
