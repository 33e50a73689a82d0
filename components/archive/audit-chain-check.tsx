"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import type { FormResult } from "@/lib/forms/form-result";

/** "Verify the audit log chain": recomputes every audit hash on the server and shows the first broken link. */
export function AuditChainCheck({ action }: { action: () => Promise<FormResult> }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const m = useMessages().archive.auditChain;
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel={m.pending}>
        {m.check}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
