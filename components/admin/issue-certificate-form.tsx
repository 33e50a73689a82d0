"use client";

import { useActionState } from "react";
import { issueCertificateAction } from "@/app/(app)/quan-tri/chung-thu/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

export function IssueCertificateForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(issueCertificateAction.bind(null, userId), { ok: false });
  const { users } = useMessages().admin;
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary">{users.issueCertificate}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
