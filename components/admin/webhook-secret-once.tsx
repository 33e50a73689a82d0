"use client";

import { useMessages } from "@/components/i18n/messages-provider";

/** The signing secret right after it was made: the only time camket shows it. */
export function WebhookSecretOnce({ secret }: { secret: string }) {
  const t = useMessages().webhooks;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{t.secretOnce}</p>
      <code data-testid="webhook-secret" className="mt-1 block break-all font-mono">
        {secret}
      </code>
    </div>
  );
}
