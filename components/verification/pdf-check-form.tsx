"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Badge } from "@/components/ui/badge";
import { useLocale, useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { formatMegabytes } from "@/lib/i18n/format-size";
import type { PdfVerification, Verdict } from "@/lib/verification/verify-uploaded-pdf";
import { MAX_UPLOAD_BYTES } from "@/lib/verification/upload-limit";

const HEADLINE_TONES: Record<Verdict, string> = {
  valid: "bg-green-50 text-green-900",
  modified: "bg-red-50 text-red-900",
  invalid: "bg-red-50 text-red-900",
  unsigned: "bg-amber-50 text-amber-900",
};

/**
 * Upload form and report for /kiem-tra. The size is checked here too, so a huge file is not sent at all;
 * `refusal` is the message for an upload the proxy already turned away as too large.
 */
export function PdfCheckForm({
  action,
  refusal,
}: {
  action: (prev: PdfVerification | null, formData: FormData) => Promise<PdfVerification>;
  refusal?: string;
}) {
  const [result, formAction] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const m = useMessages().verification;
  const r = m.result;
  const lt = m.longTerm;
  const locale = useLocale();
  const refused = tooLarge ?? (result ? null : refusal);
  const shown = refused ? { ok: false as const, message: refused } : result;
  return (
    <div className="space-y-4">
      <form
        action={formAction}
        onSubmit={(event) => {
          const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
          const message =
            file && file.size > MAX_UPLOAD_BYTES
              ? formatMessage(m.errors.tooLarge, { size: formatMegabytes(file.size, locale) })
              : null;
          setTooLarge(message);
          if (message) event.preventDefault();
        }}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <label className="block text-sm font-medium">
          {m.form.file}
          <input name="file" type="file" accept="application/pdf,.pdf" required className="mt-1 block text-sm" />
        </label>
        <SubmitButton pendingLabel={m.form.pending}>{m.form.submit}</SubmitButton>
      </form>
      {shown && !shown.ok && <FormMessage state={shown} />}
      {shown?.ok && (
        <section aria-label={r.label} data-testid="verification-result" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <p role="status" data-verdict={shown.verdict} className={`rounded-md px-3 py-2 font-semibold ${HEADLINE_TONES[shown.verdict]}`}>
            {shown.message}
          </p>
          <p className="text-sm text-slate-600">
            {shown.fileName} · {formatMessage(r.bytes, { size: shown.size.toLocaleString(INTL_LOCALE[locale]) })} · SHA-256 <code className="break-all text-xs">{shown.sha256}</code>
          </p>
          <div data-testid="archive-match">
            {shown.archived.length > 0 ? (
              <ul className="text-sm text-green-900">
                {shown.archived.map((match) => (
                  <li key={`${match.assignmentId}-${match.kind}`}>{formatMessage(r.archived, match)}</li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-amber-900">{r.notArchived}</p>
            )}
          </div>
          {shown.signatures.length > 0 && (
            <ol className="space-y-3">
              {shown.signatures.map((s, i) => (
                <li key={i} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="signature-check">
                  <p className="font-semibold">
                    {formatMessage(s.kind === "document-timestamp" ? lt.documentTimestamp : r.signature, { number: i + 1, signer: s.signer })}
                  </p>
                  <p>
                    {formatMessage(r.time, { time: s.time ?? r.timeNotRecorded })}
                    {s.timeSource === "timestamp" ? ` ${r.timeFromTimestamp}` : s.timeSource === "claimed" ? ` ${r.timeClaimed}` : ""}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-2">
                    <Badge tone={s.valid && s.changedAfter.length === 0 ? "green" : "red"}>
                      {!s.valid ? r.notIntact : s.changedAfter.length > 0 ? r.modifiedAfter : r.intact}
                    </Badge>
                    <Badge tone={s.coversWholeFile ? "green" : s.changedAfter.length > 0 ? "red" : "amber"}>
                      {s.coversWholeFile ? r.coversWholeFile : r.notWholeFile}
                    </Badge>
                    <Badge tone={s.issuedByCityCa || s.issuedByTrustList ? "green" : "red"}>
                      {s.issuedByCityCa ? r.cityCa : s.issuedByTrustList ? r.trustListCa : r.notCityCa}
                    </Badge>
                    {s.kind === "signature" && (
                      <Badge tone={s.revoked === false ? "green" : s.revoked ? "red" : "amber"}>
                        {s.revoked === false ? r.notRevoked : s.revoked ? formatMessage(r.revoked, { time: s.revokedAt ?? "" }) : r.unknownCertificate}
                      </Badge>
                    )}
                    {s.kind === "signature" && (
                      <Badge tone={s.level === null ? "red" : s.level === "B-B" ? "amber" : "green"}>
                        {s.level ? formatMessage(lt.level, { level: s.level }) : lt.noLevel}
                      </Badge>
                    )}
                  </p>
                  <p className="mt-1">{s.proofOfExistence ? formatMessage(lt.proofOfExistence, { time: s.proofOfExistence }) : lt.noProofOfExistence}</p>
                  {s.kind === "signature" && (
                    <p className="mt-1" data-testid="revocation-check">
                      {s.revocation.checked && s.revocation.source && s.revocation.status
                        ? formatMessage(lt.revocationChecked, { source: lt.sources[s.revocation.source], time: s.revocation.at ?? "", status: lt.statuses[s.revocation.status] }) +
                          (s.revocation.revokedAt ? ` ${formatMessage(lt.revokedAt, { time: s.revocation.revokedAt })}` : "")
                        : lt.revocationNotChecked}
                    </p>
                  )}
                  {s.shortfalls.length > 0 && (
                    <div className="mt-1 text-slate-700">
                      <p>{lt.shortfallsLabel}</p>
                      <ul className="list-disc pl-5">
                        {s.shortfalls.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {s.addedAfter.length > 0 && <p className="mt-1 text-slate-700">{formatMessage(r.addedAfter, { changes: s.addedAfter.join(", ") })}</p>}
                  {s.changedAfter.length > 0 && (
                    <p className="mt-1 font-semibold text-red-800">{formatMessage(r.changedAfter, { changes: s.changedAfter.join(", ") })}</p>
                  )}
                  {s.problems.length > 0 && (
                    <ul className="mt-1 list-disc pl-5 text-red-800">
                      {s.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
