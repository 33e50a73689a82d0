import type { DeputyStanding } from "@/lib/delegations/deputy-standing";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatDateTime } from "@/lib/time/vietnam-time";

/** Tells a deputy in whose place they act on this commitment, and until when. */
export async function DeputyNotice({ standing }: { standing: DeputyStanding }) {
  const t = (await getMessages()).delegation;
  const { delegation } = standing;
  return (
    <p data-testid="deputy-notice" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
      {formatMessage(t.deputy.onBehalf, { principal: `${delegation.principalName} (${delegation.principalTitle})`, kind: t.kinds[delegation.kind], until: formatDateTime(delegation.validUntil) })}
    </p>
  );
}
