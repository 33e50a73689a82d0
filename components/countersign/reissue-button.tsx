"use client";

import { useActionState } from "react";
import { reissueAssignmentAction } from "@/app/(app)/theo-doi/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

export function ReissueButton({ assignmentId }: { assignmentId: string }) {
  const [state, action] = useActionState(reissueAssignmentAction.bind(null, assignmentId), { ok: false });
  const t = useMessages().signing.reissueButton;
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel={t.pending}>
        {t.label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
