"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { finalizeExternalSignaturesAction, prepareExternalSignaturesAction, registerCertificateAction } from "@/app/(app)/chu-ky-so/actions";
import { useMessages } from "@/components/i18n/messages-provider";
import type { ExternalKey } from "@/lib/external-signing/external-key";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";
import { signWithExternalKey, type SignOutcome } from "@/lib/external-signing/sign-with-external-key";
import { formatMessage } from "@/lib/i18n/format-message";
import { KeySourcePicker } from "./key-source-picker";

type Props = {
  signing: SigningSetup;
  /** Assignment ids in server chunks (one chunk of one for a head). */
  chunks: string[][];
  /** What the head's prepare also needs (the reviewed hash and the signature image), read when signing starts. */
  prepareExtras?: () => { reviewedSha256?: string; signatureImage?: string } | null;
  label: string;
  /** False when the caller shows progress and outcomes itself (the countersign panel's bar). */
  showResults?: boolean;
  onOutcomes?: (outcomes: SignOutcome[]) => void;
};

/**
 * Signs with a key the signer holds: choose the key, then prepare → the key signs (one PIN for the whole
 * batch) → finalize, all through lib/external-signing/sign-with-external-key. Progress and each refusal
 * are shown; the page is refreshed from the server when the run ends.
 */
export function ExternalSignPanel({ signing, chunks, prepareExtras, label, showResults = true, onOutcomes }: Props) {
  const t = useMessages().signing.external;
  const router = useRouter();
  const [key, setKey] = useState<ExternalKey | null>(null);
  const [outcomes, setOutcomes] = useState<SignOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [running, startRun] = useTransition();
  const total = chunks.flat().length;

  const run = () =>
    startRun(async () => {
      setError(null);
      setOutcomes([]);
      const extras = prepareExtras ? prepareExtras() : {};
      if (!key || extras === null) return setError(t.signatureImageFirst);
      try {
        const server = {
          register: registerCertificateAction,
          prepare: (input: object) => prepareExternalSignaturesAction({ ...input, ...extras }),
          finalize: finalizeExternalSignaturesAction,
        };
        const done = await signWithExternalKey(key, chunks, server, (progress) => {
          setOutcomes(progress);
          onOutcomes?.(progress);
        });
        setOutcomes(done);
        onOutcomes?.(done);
      } catch {
        setError(t.connectionError);
      }
      router.refresh();
    });

  const failed = showResults ? outcomes.filter((o) => !o.ok) : [];
  return (
    <div className="space-y-3">
      <KeySourcePicker signing={signing} onKey={setKey} />
      {key && (
        <div className="space-y-2">
          <p className="text-sm">{formatMessage(t.selected, { label: key.label })}</p>
          <button type="button" onClick={run} disabled={running} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
            {running ? t.working : label}
          </button>
        </div>
      )}
      {showResults && total > 1 && outcomes.length > 0 && (
        <p className="text-sm text-slate-600" role="status">
          {formatMessage(t.progress, { done: outcomes.length, total })}
        </p>
      )}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {showResults && total === 1 && outcomes[0] && (
        <p role={outcomes[0].ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcomes[0].ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {outcomes[0].message}
        </p>
      )}
      {total > 1 && failed.length > 0 && (
        <ul role="alert" className="space-y-1 text-sm text-red-800">
          {failed.map((o) => (
            <li key={o.assignmentId}>{o.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
