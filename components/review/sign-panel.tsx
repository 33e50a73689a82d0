"use client";

import { useActionState, useState } from "react";
import { signAssignmentAction, declineAssignmentAction } from "@/app/(app)/cam-ket/[id]/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { SignaturePad } from "./signature-pad";
import { ExternalSignPanel } from "@/components/signing/external-sign-panel";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";

type Props = { assignmentId: string; reviewedSha256: string; signerName: string; signing: SigningSetup };

/**
 * Sign or decline (reason) — both go to the server, which decides. One signature image, then whichever ways
 * of signing the admin allows: a key the signer holds (token, .p12, remote) and/or the server-held key
 * unlocked by the password.
 */
export function SignPanel({ assignmentId, reviewedSha256, signerName, signing }: Props) {
  const [signState, signAction] = useActionState(signAssignmentAction.bind(null, assignmentId, reviewedSha256), { ok: false });
  const [declineState, declineAction] = useActionState(declineAssignmentAction.bind(null, assignmentId), { ok: false });
  const [image, setImage] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const messages = useMessages();
  const t = messages.signing.signPanel;
  const codeLabel = messages.secondFactor.code;

  return (
    <div className="space-y-6">
      <h3 className="font-semibold">{t.heading}</h3>
      <SignaturePad defaultName={signerName} onChange={setImage} />
      {signing.external.length > 0 && (
        <ExternalSignPanel
          signing={signing}
          chunks={[[assignmentId]]}
          prepareExtras={() => (image ? { reviewedSha256, signatureImage: image } : null)}
          label={t.signWithKey}
        />
      )}
      {signing.serverKey && (
      <form action={signAction} className="space-y-4" noValidate>
        <input type="hidden" name="signatureImage" value={image ?? ""} />
        {signState.fieldErrors?.signatureImage && <p className="text-sm text-red-700">{signState.fieldErrors.signatureImage.join(" · ")}</p>}
        <div className="max-w-sm">
          <TextField
            name="password"
            label={t.password}
            type="password"
            autoComplete="current-password"
            state={signState}
            required
          />
          {signing.secondFactor && (
            <TextField name="secondFactorCode" label={codeLabel} autoComplete="one-time-code" inputMode="numeric" state={signState} required />
          )}
        </div>
        <FormMessage state={signState} />
        <SubmitButton pendingLabel={t.signing}>{t.sign}</SubmitButton>
      </form>
      )}

      <div className="border-t border-slate-200 pt-4">
        {declining ? (
          <form action={declineAction} className="space-y-3" noValidate>
            <label htmlFor="reason" className="block text-sm font-medium text-slate-700">
              {t.declineReason}
            </label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxLength={1000}
              aria-invalid={declineState.fieldErrors?.reason ? true : undefined}
              className="block w-full rounded-md border border-slate-300 px-3 py-2"
            />
            {declineState.fieldErrors?.reason && <p className="text-sm text-red-700">{declineState.fieldErrors.reason.join(" · ")}</p>}
            <FormMessage state={declineState} />
            <SubmitButton variant="danger">{t.confirmDecline}</SubmitButton>
          </form>
        ) : (
          <button type="button" onClick={() => setDeclining(true)} className="text-sm font-medium text-red-700 hover:underline">
            {t.decline}
          </button>
        )}
      </div>
    </div>
  );
}
