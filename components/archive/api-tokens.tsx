"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";
import type { FormResult } from "@/lib/forms/form-result";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";

type Token = { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** Personal API tokens: create (the token is shown once, here) and revoke. Times arrive formatted. */
export function ApiTokens({
  tokens,
  allowedScopes,
  createAction,
  revokeAction,
}: {
  tokens: Token[];
  /** The scopes this person's role may hold; "read" is ticked to start with. */
  allowedScopes: ApiScope[];
  createAction: (prev: FormResult & { token?: string }, formData: FormData) => Promise<FormResult & { token?: string }>;
  revokeAction: (tokenId: string, prev: FormResult) => Promise<FormResult>;
}) {
  const [created, formAction] = useActionState(createAction, { ok: false });
  const m = useMessages().archive.apiTokens;
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium">
          {m.name}
          <input name="name" required maxLength={100} className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium">{m.scopesLegend}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {allowedScopes.map((scope) => (
              <label key={scope} className="flex items-center gap-1">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read"} />
                {m.scopes[scope]}
              </label>
            ))}
          </div>
          {created.fieldErrors?.scopes && <p className="text-red-700">{created.fieldErrors.scopes.join(" · ")}</p>}
        </fieldset>
        <SubmitButton variant="secondary">{m.create}</SubmitButton>
      </form>
      <FormMessage state={created} />
      {created.token && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {m.newToken} <code data-testid="new-api-token" className="break-all font-semibold">{created.token}</code>
        </p>
      )}
      {tokens.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <strong>{t.name}</strong> · <code>{t.prefix}…</code> · {t.scopes.join(", ")} ·{" "}
                {formatMessage(m.usage, { createdAt: t.createdAt, lastUsedAt: t.lastUsedAt ?? m.neverUsed })}
                {t.revokedAt && <span className="text-red-800"> · {formatMessage(m.revokedAt, { time: t.revokedAt })}</span>}
              </span>
              {!t.revokedAt && <RevokeButton action={revokeAction.bind(null, t.id)} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RevokeButton({ action }: { action: (prev: FormResult) => Promise<FormResult> }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const m = useMessages().archive.apiTokens;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <SubmitButton variant="danger" pendingLabel={m.revoking}>
        {m.revoke}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
