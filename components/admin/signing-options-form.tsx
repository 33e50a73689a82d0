"use client";

import { useActionState } from "react";
import { setSigningOptionsAction } from "@/app/(app)/quan-tri/nguoi-dung/[id]/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { SIGNING_METHODS } from "@/lib/external-signing/signing-methods";

/** Which ways of signing this person may use, and the identifier that binds their certificates at once. */
export function SigningOptionsForm({ userId, signingMethods, certificateIdentifier }: { userId: string; signingMethods: string[]; certificateIdentifier: string | null }) {
  const [state, action] = useActionState(setSigningOptionsAction.bind(null, userId), { ok: false });
  const { admin, signing } = useMessages();
  const t = admin.users;
  return (
    <form action={action} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600">{t.signingOptionsHint}</p>
      <fieldset className="space-y-1">
        <legend className="sr-only">{t.signingOptions}</legend>
        {SIGNING_METHODS.map((method) => (
          <label key={method} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="signingMethods" value={method} defaultChecked={signingMethods.includes(method)} />
            {signing.methods[method]}
          </label>
        ))}
        {state.fieldErrors?.signingMethods && <p className="text-sm text-red-700">{state.fieldErrors.signingMethods.join(" · ")}</p>}
      </fieldset>
      <TextField name="certificateIdentifier" label={t.certificateIdentifier} hint={t.certificateIdentifierHint} state={state} defaultValue={certificateIdentifier ?? ""} maxLength={64} />
      <FormMessage state={state} />
      <SubmitButton>{t.saveSigningOptions}</SubmitButton>
    </form>
  );
}
