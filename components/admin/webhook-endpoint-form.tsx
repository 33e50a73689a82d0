"use client";

import { useActionState } from "react";
import { createWebhookEndpointAction } from "@/app/(app)/quan-tri/webhook/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { WebhookSecretOnce } from "@/components/admin/webhook-secret-once";
import { useMessages } from "@/components/i18n/messages-provider";
import { WEBHOOK_EVENT_NAMES } from "@/lib/webhooks/webhook-events";

/** Register an endpoint: name, URL, the events it wants; the secret is shown once on success. */
export function WebhookEndpointForm() {
  const [state, action] = useActionState(createWebhookEndpointAction, { ok: false });
  const t = useMessages().webhooks;
  const eventErrors = state.fieldErrors?.events;
  return (
    <form action={action} className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-semibold">{t.newTitle}</h2>
      <TextField name="name" label={t.fields.name} state={state} maxLength={100} />
      <TextField name="url" label={t.fields.url} state={state} placeholder="https://" />
      <fieldset aria-describedby={eventErrors?.length ? "events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t.fields.events}</legend>
        {WEBHOOK_EVENT_NAMES.map((name) => (
          <label key={name} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="events" value={name} /> {t.events[name]} <code className="text-xs text-slate-500">{name}</code>
          </label>
        ))}
        {eventErrors?.length ? (
          <p id="events-error" className="mt-1 text-sm text-red-700">
            {eventErrors.join(" · ")}
          </p>
        ) : null}
      </fieldset>
      <label className="inline-flex items-center gap-1 text-sm">
        <input type="checkbox" name="enabled" defaultChecked /> {t.fields.enabled}
      </label>
      <SubmitButton>{t.create}</SubmitButton>
      <FormMessage state={state} />
      {state.secret && <WebhookSecretOnce secret={state.secret} />}
    </form>
  );
}
