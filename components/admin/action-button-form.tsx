"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormResult } from "@/lib/forms/form-result";

/** One button that runs one server action about one record, with the server's answer below it. */
export function ActionButtonForm({
  action,
  label,
  variant = "secondary",
}: {
  action: (prev: FormResult) => Promise<FormResult>;
  label: string;
  variant?: "primary" | "danger" | "secondary";
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
