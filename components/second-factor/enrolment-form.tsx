"use client";

import { useActionState } from "react";
import { confirmEnrolmentAction } from "@/app/(auth)/tai-khoan/bao-mat/actions";
import { useMessages } from "@/components/i18n/messages-provider";
import { CodeFormView } from "./code-form";

/**
 * Setting up the factor: QR and key, then the first code. It keeps the action's answer itself and stays mounted
 * when the page re-renders with the factor on (the action re-issues the session cookie, which refreshes the
 * page), so the recovery codes stay on screen until the person moves on.
 */
export function EnrolmentForm({ enrolment, home }: { enrolment: { secret: string; qrDataUrl: string } | null; home: string }) {
  const [state, formAction] = useActionState(confirmEnrolmentAction, { ok: false });
  const m = useMessages().secondFactor;
  if (!enrolment && !state.ok) return null;
  return (
    <div className="space-y-3">
      {enrolment && !state.ok && (
        <>
          <p className="text-sm text-slate-800">{m.scan}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
          <img src={enrolment.qrDataUrl} alt={m.qrAlt} width={220} height={220} className="rounded border border-slate-200" />
          <p data-testid="totp-secret" className="break-all font-mono text-sm text-slate-900">
            {enrolment.secret}
          </p>
          <p className="text-sm text-slate-800">{m.confirm}</p>
        </>
      )}
      <CodeFormView
        state={state}
        formAction={formAction}
        label={m.code}
        submitLabel={m.enable}
        recoveryHeading={m.recoveryHeading}
        after={
          <a href={home} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {m.continue}
          </a>
        }
      />
    </div>
  );
}
