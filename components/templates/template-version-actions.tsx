"use client";

import { useActionState } from "react";
import { publishTemplateAction, startDraftAction } from "@/app/(app)/quan-tri/mau-cam-ket/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

export function PublishTemplateForm({ versionId }: { versionId: string }) {
  const [state, action] = useActionState(publishTemplateAction.bind(null, versionId), { ok: false });
  const { templates } = useMessages().admin;
  return (
    <form action={action} className="space-y-2">
      <p className="text-sm text-slate-600">{templates.publishNote}</p>
      <FormMessage state={state} />
      <SubmitButton>{templates.publish}</SubmitButton>
    </form>
  );
}

export function StartDraftForm({ versionId, label }: { versionId: string; label: string }) {
  const [state, action] = useActionState(startDraftAction.bind(null, versionId), { ok: false });
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </form>
  );
}
