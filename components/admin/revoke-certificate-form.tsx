"use client";

import { useActionState } from "react";
import { revokeCertificateAction } from "@/app/(app)/quan-tri/chung-thu/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RevokeCertificateForm({ certificateId }: { certificateId: string }) {
  const [state, action] = useActionState(revokeCertificateAction.bind(null, certificateId), { ok: false });
  return (
    <form action={action} className="flex flex-wrap items-start gap-2">
      <label className="sr-only" htmlFor={`reason-${certificateId}`}>
        Lý do thu hồi
      </label>
      <input id={`reason-${certificateId}`} name="reason" placeholder="Lý do thu hồi" maxLength={300} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
      <SubmitButton variant="danger">Thu hồi</SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
