"use client";

import { useActionState, useState } from "react";
import { createCampaignAction } from "@/app/(app)/quan-tri/chien-dich/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import { formatMessage } from "@/lib/i18n/format-message";
import type { UnitKind } from "@/lib/generated/prisma/enums";

type Props = {
  template: { id: string; version: number };
  units: { id: string; name: string; kind: UnitKind }[];
  today: string;
};

export function CampaignForm({ template, units, today }: Props) {
  const [state, action] = useActionState(createCampaignAction, { ok: false });
  const [mode, setMode] = useState<"ALL" | "KINDS" | "UNITS">("ALL");
  const { common, admin, bodies } = useMessages();
  const t = admin.campaigns.form;
  const recipientErrors = Object.entries(state.fieldErrors ?? {})
    .filter(([key]) => key === "recipients" || key.startsWith("recipients."))
    .flatMap(([, errors]) => errors ?? []);
  const selectionErrors = state.fieldErrors?.["unitSelection"] ?? state.fieldErrors?.["unitSelection.kinds"] ?? state.fieldErrors?.["unitSelection.unitIds"];
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="templateVersionId" value={template.id} />
      {/* The suggested name stays Vietnamese: a campaign's name is printed in e-mails and the archive. */}
      <TextField name="name" label={common.fields.campaignName} state={state} maxLength={200} defaultValue="Cam kết CCHC giai đoạn 2016–2020" required />
      <p className="text-sm text-slate-600">{formatMessage(t.template, { version: template.version })}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="deadline" label={common.fields.deadline} type="date" state={state} min={today} required />
        <TextField name="documentDate" label={common.fields.documentDate} type="date" state={state} defaultValue={today} required />
      </div>
      <TextField
        name="documentTypeCode"
        label={bodies.campaign.documentTypeCode}
        state={state}
        defaultValue="CK"
        maxLength={10}
        hint={bodies.campaign.documentTypeCodeHint}
        required
      />
      <div>
        <label htmlFor="campaign-recipients" className="block text-sm font-medium text-slate-700">
          {bodies.campaign.recipients}
        </label>
        <textarea
          id="campaign-recipients"
          name="recipients"
          rows={5}
          aria-describedby="campaign-recipients-hint"
          aria-invalid={recipientErrors.length > 0 || undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id="campaign-recipients-hint" className="mt-1 text-xs text-slate-500">
          {bodies.campaign.recipientsHint}
        </p>
        {recipientErrors.length > 0 && <p className="mt-1 text-sm text-red-700">{[...new Set(recipientErrors)].join(" · ")}</p>}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t.units}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(
            [
              ["ALL", t.modeAll],
              ["KINDS", t.modeKinds],
              ["UNITS", t.modeUnits],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="unitMode" value={value} checked={mode === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </div>
        {mode === "KINDS" && (
          <div className="mt-3 flex flex-wrap gap-4">
            {UNIT_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-2">
                <input type="checkbox" name="kinds" value={kind} />
                {common.unitKinds[kind]}
              </label>
            ))}
          </div>
        )}
        {mode === "UNITS" && (
          <div className="mt-3 grid max-h-72 gap-1 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            {units.map((unit) => (
              <label key={unit.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="unitIds" value={unit.id} />
                {unit.name}
              </label>
            ))}
          </div>
        )}
        {selectionErrors && <p className="mt-1 text-sm text-red-700">{selectionErrors.join(" · ")}</p>}
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton>{t.submit}</SubmitButton>
    </form>
  );
}
