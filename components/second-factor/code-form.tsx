"use client";

import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormResult } from "@/lib/forms/form-result";

export type CodeResult = FormResult & { recoveryCodes?: string[] };

type ViewProps = {
  state: CodeResult;
  formAction: (form: FormData) => void;
  label: string;
  submitLabel: string;
  recoveryHeading?: string;
  variant?: "primary" | "danger" | "secondary";
  /** Shown once the action succeeded (e.g. a link onwards). */
  after?: React.ReactNode;
};

/**
 * One code field and one button, for every second-factor form (sign-in, set-up, new recovery codes, turning it
 * off); recovery codes the server made are listed once under the answer.
 */
export function CodeForm({ action, ...view }: Omit<ViewProps, "state" | "formAction"> & { action: (prev: CodeResult, form: FormData) => Promise<CodeResult> }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return <CodeFormView state={state} formAction={formAction} {...view} />;
}

/** The form itself, for a caller that keeps the action's state (components/second-factor/enrolment-form). */
export function CodeFormView({ state, formAction, label, submitLabel, recoveryHeading, variant = "primary", after }: ViewProps) {
  const error = state.fieldErrors?.code?.[0];
  const id = useId();
  return (
    <form action={formAction} className="space-y-3">
      {!state.ok && (
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-700">
            {label}
          </label>
          <input
            id={id}
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            required
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono shadow-sm focus:border-brand-600"
          />
          {error && (
            <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
      {/* A wrong code is said once, under its field. */}
      {!error && <FormMessage state={state} />}
      {state.recoveryCodes && (
        <div>
          <h3 className="text-sm font-semibold text-slate-800">{recoveryHeading}</h3>
          <ul data-testid="recovery-codes" className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm">
            {state.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
      )}
      {state.ok ? after : <SubmitButton variant={variant}>{submitLabel}</SubmitButton>}
    </form>
  );
}
