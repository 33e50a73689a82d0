"use client";

import { useActionState } from "react";
import { uploadSealAction } from "@/app/(app)/quan-tri/co-quan-ban-hanh/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

/** Uploads the body's seal PNG; the server checks it is a transparent PNG of a sane size. */
export function SealUploadForm({ bodyId }: { bodyId: string }) {
  const [state, action] = useActionState(uploadSealAction.bind(null, bodyId), { ok: false });
  const t = useMessages().bodies.seal;
  const error = state.fieldErrors?.seal?.[0];
  return (
    <form action={action} className="space-y-3">
      <div>
        <label htmlFor="seal-file" className="block text-sm font-medium text-slate-700">
          {t.file}
        </label>
        <input
          id="seal-file"
          name="seal"
          type="file"
          accept="image/png"
          aria-describedby="seal-file-hint"
          aria-invalid={error ? true : undefined}
          className="mt-1 block text-sm"
        />
        <p id="seal-file-hint" className="mt-1 text-xs text-slate-500">
          {t.hint}
        </p>
      </div>
      <SubmitButton>{t.submit}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
