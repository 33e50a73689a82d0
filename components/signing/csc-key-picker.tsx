"use client";

import { useEffect, useRef, useState } from "react";
import { listCscCredentialsAction, sendCscOtpAction, signHashesWithCscAction } from "@/app/(app)/chu-ky-so/actions";
import { useMessages } from "@/components/i18n/messages-provider";
import { fromBase64, toBase64 } from "@/lib/external-signing/base64";
import type { ExternalKey, ToBeSigned } from "@/lib/external-signing/external-key";
import type { MyCscCredential } from "@/lib/csc/list-my-csc-credentials";

type State = { step: "loading" } | { step: "unlinked"; message?: string } | { step: "ready"; credentials: MyCscCredential[] } | { step: "error"; message: string };

/**
 * The signer's remote-signing credentials (CSC API v2). The PIN/OTP typed here go with the hashes to the
 * server, which passes them to the provider's credentials/authorize once for the whole batch (SCAL2: bound
 * to exactly these hashes) and forgets them.
 */
export function CscKeyPicker({ onKey }: { onKey: (key: ExternalKey | null) => void }) {
  const t = useMessages().signing.csc;
  const [state, setState] = useState<State>({ step: "loading" });
  const [chosen, setChosen] = useState<MyCscCredential | null>(null);
  const [otpNote, setOtpNote] = useState<string | null>(null);
  const secrets = useRef({ pin: "", otp: "" });

  const load = async () => {
    const result = await listCscCredentialsAction();
    if (result.linked === false) return setState({ step: "unlinked", message: result.message });
    if (!result.ok) return setState({ step: "error", message: result.message ?? "" });
    setState({ step: "ready", credentials: result.credentials ?? [] });
  };
  useEffect(() => {
    void listCscCredentialsAction().then((result) => {
      if (result.linked === false) setState({ step: "unlinked", message: result.message });
      else if (!result.ok) setState({ step: "error", message: result.message ?? "" });
      else setState({ step: "ready", credentials: result.credentials ?? [] });
    });
  }, []);

  const choose = (credential: MyCscCredential) => {
    setChosen(credential);
    const [certificate, ...chain] = credential.certificates.map(fromBase64);
    onKey({
      method: "CSC",
      certificate: certificate!,
      chain,
      label: credential.label,
      credentialId: credential.credentialId,
      sign: async (items: ToBeSigned[]) => {
        const result = await signHashesWithCscAction({ credentialId: credential.credentialId, hashes: items.map((i) => toBase64(i.sha256)), ...secrets.current });
        if (!result.ok || !result.signatures) throw new Error(result.message ?? "");
        return result.signatures.map(fromBase64);
      },
    });
  };
  const sendOtp = async () => {
    if (!chosen) return;
    const result = await sendCscOtpAction(chosen.credentialId);
    setOtpNote(result.ok ? t.otpSent : (result.message ?? ""));
  };

  if (state.step === "loading") return <p className="text-sm text-slate-600">{t.loading}</p>;
  if (state.step === "unlinked")
    return (
      <div className="space-y-2">
        {state.message && <p className="text-sm text-amber-900">{state.message}</p>}
        <p className="text-sm text-slate-600">{t.linkHint}</p>
        <a href="/api/csc/connect" className="inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
          {t.link}
        </a>
      </div>
    );
  if (state.step === "error")
    return (
      <div className="space-y-2">
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>
        <button type="button" onClick={() => (setState({ step: "loading" }), void load())} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {t.retry}
        </button>
      </div>
    );
  return (
    <div className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t.chooseCredential}</legend>
        {state.credentials.length === 0 && <p className="text-sm text-slate-600">{t.noCredentials}</p>}
        {state.credentials.map((credential) => (
          <label key={credential.credentialId} className="flex items-center gap-2 text-sm">
            <input type="radio" name="cscCredential" checked={chosen?.credentialId === credential.credentialId} disabled={!credential.keyEnabled} onChange={() => choose(credential)} />
            {credential.label}
          </label>
        ))}
      </fieldset>
      {chosen?.needsPin && (
        <label className="block max-w-xs text-sm font-medium text-slate-700">
          {t.pin}
          <input type="password" autoComplete="off" onChange={(e) => (secrets.current.pin = e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
      )}
      {chosen?.needsOtp && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="block text-sm font-medium text-slate-700">
            {t.otp}
            <input inputMode="numeric" autoComplete="one-time-code" onChange={(e) => (secrets.current.otp = e.target.value)} className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <button type="button" onClick={() => void sendOtp()} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            {t.sendOtp}
          </button>
          {otpNote && <p className="w-full text-sm text-slate-600">{otpNote}</p>}
        </div>
      )}
    </div>
  );
}
