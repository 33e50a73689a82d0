"use client";

import { useActionState } from "react";
import { publishTemplateAction, startDraftAction } from "@/app/(app)/quan-tri/mau-cam-ket/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function PublishTemplateForm({ versionId }: { versionId: string }) {
  const [state, action] = useActionState(publishTemplateAction.bind(null, versionId), { ok: false });
  return (
    <form action={action} className="space-y-2">
      <p className="text-sm text-slate-600">Sau khi công bố, phiên bản này bị khóa (không sửa được nữa) và thay thế phiên bản đang có hiệu lực.</p>
      <FormMessage state={state} />
      <SubmitButton>Công bố phiên bản</SubmitButton>
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
