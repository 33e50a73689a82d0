"use client";

import { useActionState } from "react";
import { reissueAssignmentAction } from "@/app/(app)/theo-doi/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ReissueButton({ assignmentId }: { assignmentId: string }) {
  const [state, action] = useActionState(reissueAssignmentAction.bind(null, assignmentId), { ok: false });
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel="Đang phát hành lại…">
        Phát hành lại
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
