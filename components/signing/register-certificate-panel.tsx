"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { registerCertificateAction } from "@/app/(app)/chu-ky-so/actions";
import { useMessages } from "@/components/i18n/messages-provider";
import { FormMessage } from "@/components/ui/form-message";
import type { FormResult } from "@/lib/forms/form-result";
import type { ExternalKey } from "@/lib/external-signing/external-key";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";
import { toBase64 } from "@/lib/external-signing/base64";
import { formatMessage } from "@/lib/i18n/format-message";
import { KeySourcePicker } from "./key-source-picker";

/** Registers the certificate of a key the signer holds; the server checks it and says whether it may sign now. */
export function RegisterCertificatePanel({ signing }: { signing: SigningSetup }) {
  const t = useMessages().signing.external;
  const router = useRouter();
  const [key, setKey] = useState<ExternalKey | null>(null);
  const [result, setResult] = useState<FormResult | undefined>();
  const [pending, startTransition] = useTransition();
  const register = () =>
    startTransition(async () => {
      if (!key) return;
      const answer = await registerCertificateAction({ method: key.method, certificate: toBase64(key.certificate), chain: key.chain.map(toBase64), cscCredentialId: key.credentialId });
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  return (
    <div className="space-y-3">
      <KeySourcePicker signing={signing} onKey={(next) => (setKey(next), setResult(undefined))} />
      {key && (
        <div className="space-y-2">
          <p className="text-sm">{formatMessage(t.selected, { label: key.label })}</p>
          <button type="button" onClick={register} disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
            {t.registerThis}
          </button>
        </div>
      )}
      <FormMessage state={result} />
    </div>
  );
}
