"use client";

import { useActionState } from "react";
import { addTrustAnchorAction } from "@/app/(app)/quan-tri/tin-cay/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

/** Upload a CA certificate to the trust list: a PEM/DER file, or PEM text pasted. */
export function TrustAnchorUploadForm() {
  const [state, action] = useActionState(addTrustAnchorAction, { ok: false });
  const t = useMessages().admin.trustList.upload;
  return (
    <form action={action} className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-semibold">{t.heading}</h2>
      <div>
        <label htmlFor="trust-anchor-file" className="block text-sm font-medium text-slate-700">
          {t.file}
        </label>
        <input id="trust-anchor-file" name="file" type="file" accept=".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert" className="mt-1 block text-sm" />
      </div>
      <div>
        <label htmlFor="trust-anchor-pem" className="block text-sm font-medium text-slate-700">
          {t.pem}
        </label>
        <textarea
          id="trust-anchor-pem"
          name="pem"
          rows={6}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
        />
      </div>
      <SubmitButton>{t.submit}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
