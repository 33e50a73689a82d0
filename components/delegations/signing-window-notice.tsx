import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatDateTime } from "@/lib/time/vietnam-time";

/** Why signing is refused now (past the deadline, closed), and the window the chairperson reopened, if any. */
export async function SigningWindowNotice({ refusal, reopenedUntil, reopenReason }: { refusal: string | null; reopenedUntil: Date | null; reopenReason: string | null }) {
  const t = (await getMessages()).closing.reopen;
  return (
    <>
      {refusal && (
        <p data-testid="signing-window-refusal" role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {refusal}
        </p>
      )}
      {reopenedUntil && (
        <p data-testid="reopened-window" className="text-sm text-slate-700">
          {formatMessage(t.window, { until: formatDateTime(reopenedUntil), reason: reopenReason ?? "" })}
        </p>
      )}
    </>
  );
}
