"use client";

import { useActionState } from "react";
import { setNextNumberAction } from "@/app/(app)/quan-tri/co-quan-ban-hanh/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

/** Sets the next number of this year's outgoing register (e.g. continuing a paper register). */
export function NextNumberForm({ bodyId, nextNumber }: { bodyId: string; nextNumber: number }) {
  const [state, action] = useActionState(setNextNumberAction.bind(null, bodyId), { ok: false });
  const t = useMessages().bodies.register;
  return (
    <form action={action} className="space-y-3" noValidate>
      <TextField name="nextNumber" label={t.nextNumber} type="number" min={1} state={state} defaultValue={nextNumber} hint={t.hint} required />
      <SubmitButton variant="secondary">{t.submit}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
