"use client";

import { useActionState } from "react";
import { revokeCertificateAction } from "@/app/(app)/quan-tri/chung-thu/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

export function RevokeCertificateForm({ certificateId }: { certificateId: string }) {
  const [state, action] = useActionState(revokeCertificateAction.bind(null, certificateId), { ok: false });
  const { common, admin } = useMessages();
  return (
    <form action={action} className="flex flex-wrap items-start gap-2">
      <label className="sr-only" htmlFor={`reason-${certificateId}`}>
        {common.fields.revokeReason}
      </label>
      <input id={`reason-${certificateId}`} name="reason" placeholder={common.fields.revokeReason} maxLength={300} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
      <SubmitButton variant="danger">{admin.certificates.revoke}</SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
