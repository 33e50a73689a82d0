"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormResult } from "@/lib/forms/form-result";

/** "Kiểm tra chuỗi nhật ký": recomputes every audit hash on the server and shows the first broken link. */
export function AuditChainCheck({ action }: { action: () => Promise<FormResult> }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel="Đang kiểm tra…">
        Kiểm tra chuỗi nhật ký
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
