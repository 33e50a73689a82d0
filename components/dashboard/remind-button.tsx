"use client";

import { useActionState } from "react";
import { remindAction } from "@/app/(app)/theo-doi/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

/** "Nhắc ký" for one assignment, or for every unit still to sign when no id is given. */
export function RemindButton({ campaignId, assignmentId, label }: { campaignId: string; assignmentId?: string; label: string }) {
  const [state, action] = useActionState(remindAction.bind(null, campaignId, assignmentId ?? null), { ok: false });
  const m = useMessages();
  return (
    <form action={action} className="space-y-1">
      <SubmitButton variant="secondary" pendingLabel={m.dashboard.remindButton.pending}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
