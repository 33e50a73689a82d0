"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { countersignChunkAction, startCountersigningAction } from "@/app/(app)/theo-doi/actions";
import { COUNTERSIGN_CHUNK } from "@/lib/signatures/countersign-chunk";
import { SignaturePad } from "@/components/review/signature-pad";
import { useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";
import { FormMessage } from "@/components/ui/form-message";
import { ExternalSignPanel } from "@/components/signing/external-sign-panel";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";
import type { SignOutcome } from "@/lib/external-signing/sign-with-external-key";

type Item = { id: string; unitName: string };
type Outcome = { unitName: string; ok: boolean; message?: string };

/**
 * Countersigns one or many SIGNED assignments: the password once, then one server call per chunk of up to
 * COUNTERSIGN_CHUNK documents (stored together, lib/signatures/countersign-assignments) so the bar moves; a failure is reported and the rest carry on. When the run ends the page is
 * refreshed from the server (counts, statuses, what still awaits), so `items` may shrink — even to none:
 * the result stays on screen, measured against what this run set out to do.
 */
export function CountersignPanel({ items, signerName, title, signing }: { items: Item[]; signerName: string; title: string; signing: SigningSetup }) {
  const router = useRouter();
  const messages = useMessages();
  const { countersignPanel: t, signatureImage: imageMessages } = messages.signing;
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [image, setImage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [runTotal, setRunTotal] = useState(0);
  const [, startRefresh] = useTransition();

  async function run() {
    // The server refuses a countersignature without the image too; asking here spares the password check.
    if (!image) {
      setError(imageMessages.missing);
      return;
    }
    setError(null);
    setOutcomes([]);
    setRunTotal(items.length);
    setRunning(true);
    const start = await startCountersigningAction(password, code);
    if (!start.ok || !start.grant) {
      setRunning(false);
      setError(start.message ?? t.couldNotStart);
      return;
    }
    const results: Outcome[] = [];
    for (let i = 0; i < items.length; i += COUNTERSIGN_CHUNK) {
      const chunk = items.slice(i, i + COUNTERSIGN_CHUNK);
      results.push(...(await countersignChunk(chunk, start.grant)));
      setOutcomes([...results]);
    }
    setRunning(false);
    setPassword("");
    setCode("");
    startRefresh(() => router.refresh());
  }

  async function countersignChunk(chunk: Item[], grant: string): Promise<Outcome[]> {
    try {
      const result = await countersignChunkAction(
        chunk.map((item) => item.id),
        grant,
        image!,
      );
      // No outcomes: the whole chunk was refused (expired grant, revoked certificate): each says why.
      return chunk.map((item, k) => {
        const outcome = result.outcomes?.[k];
        return { unitName: item.unitName, ok: outcome?.ok ?? false, message: outcome?.message ?? result.message };
      });
    } catch {
      return chunk.map((item) => ({ unitName: item.unitName, ok: false, message: formatMessage(t.connectionError, { unit: item.unitName }) }));
    }
  }

  const chunks = Array.from({ length: Math.ceil(items.length / COUNTERSIGN_CHUNK) }, (_, i) => items.slice(i * COUNTERSIGN_CHUNK, (i + 1) * COUNTERSIGN_CHUNK).map((item) => item.id));
  const showExternal = (progress: SignOutcome[]) => {
    setRunTotal(items.length);
    setOutcomes(progress.map((o) => ({ unitName: items.find((item) => item.id === o.assignmentId)?.unitName ?? "", ok: o.ok, message: o.message })));
  };

  const done = outcomes.length;
  const percent = runTotal ? Math.round((done / runTotal) * 100) : 0;
  const succeeded = outcomes.filter((o) => o.ok).length;
  if (items.length === 0 && !running && done === 0) return null;
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-label={title}>
      <h2 className="font-semibold">{title}</h2>
      {/* Nothing left to countersign after a run: only its result stays. */}
      {items.length > 0 && (
        <>
          <p className="text-sm text-slate-600">{formatMessage(t.awaiting, { count: items.length })}</p>
          <SignaturePad defaultName={signerName} onChange={setImage} />
          {/* As on the head's sign form: the image the countersignature will carry, once the pad has drawn it. */}
          <input type="hidden" name="signatureImage" value={image ?? ""} />
          {signing.external.length > 0 && (
            <ExternalSignPanel
              signing={signing}
              chunks={chunks}
              prepareExtras={() => (image ? { signatureImage: image } : null)}
              label={formatMessage(t.confirmWithKey, { count: items.length })}
              showResults={false}
              onOutcomes={showExternal}
            />
          )}
          {signing.serverKey && (
          <>
          <div className="max-w-sm space-y-3">
            <ControlledField id="countersign-password" label={t.password} type="password" autoComplete="current-password" value={password} onChange={setPassword} />
            {signing.secondFactor && (
              <ControlledField id="countersign-code" label={messages.secondFactor.code} autoComplete="one-time-code" inputMode="numeric" value={code} onChange={setCode} />
            )}
          </div>
          <FormMessage state={error ? { ok: false, message: error } : undefined} />
          <button
            type="button"
            disabled={running || !password}
            onClick={run}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {running ? t.running : items.length > 1 ? formatMessage(t.confirmAll, { count: items.length }) : t.confirmOne}
          </button>
          </>
          )}
        </>
      )}
      {(running || done > 0) && (
        <div>
          <div
            role="progressbar"
            aria-label={t.progress}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-green-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-1 text-sm" data-testid="countersign-progress">
            {done}/{runTotal} ({percent}%)
          </p>
        </div>
      )}
      {!running && done > 0 && (
        <div role="status" className="rounded-md bg-slate-50 p-3 text-sm">
          <p className="font-semibold">{formatMessage(t.result, { succeeded, failed: done - succeeded })}</p>
          <ul className="mt-1 list-disc pl-5">
            {outcomes
              .filter((o) => !o.ok)
              .map((o) => (
                <li key={o.unitName} className="text-red-800">
                  {o.message}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A labelled input whose value the panel keeps (the password and the code are sent together when countersigning starts). */
function ControlledField({
  id,
  label,
  onChange,
  ...input
}: { id: string; label: string; onChange: (value: string) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "id">) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={id} {...input} onChange={(e) => onChange(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
    </div>
  );
}
