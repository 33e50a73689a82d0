"use client";

import { useActionState } from "react";
import { reopenAssignmentAction } from "@/app/(app)/theo-doi/closing-actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

/** The chairperson reopens a unit's assignment for signing after the deadline: a reason and how many more days. */
export function ReopenAssignmentForm({ assignmentId, defaultDays, maxDays }: { assignmentId: string; defaultDays: number; maxDays: number }) {
  const [state, action] = useActionState(reopenAssignmentAction.bind(null, assignmentId), { ok: false });
  const t = useMessages().closing.reopen;
  return (
    <section aria-labelledby="reopen-heading" className="mt-6 rounded-lg border border-amber-200 bg-white p-5">
      <h2 id="reopen-heading" className="font-semibold">
        {t.heading}
      </h2>
      <form action={action} className="mt-3 grid gap-3 md:grid-cols-3">
        <div className="md:col-span-2">
          <TextField name="reason" label={t.reason} state={state} required minLength={10} maxLength={1000} />
        </div>
        <TextField name="days" label={t.days} state={state} type="number" min={1} max={maxDays} defaultValue={defaultDays} required />
        <div className="space-y-2 md:col-span-3">
          <FormMessage state={state} />
          <SubmitButton>{t.button}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
