"use client";

import { useActionState } from "react";
import { saveIssuingBodyAction } from "@/app/(app)/quan-tri/co-quan-ban-hanh/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { SEAL_DIAMETER_MM } from "@/lib/issuing-bodies/issuing-body-schemas";

type Props = {
  body?: { id: string; name: string; superiorName: string | null; placeName: string; abbreviation: string; sealDiameterMm: number };
};

/** Creates or edits an issuing body: what its documents print in the header, the place-and-date line and the code. */
export function IssuingBodyForm({ body }: Props) {
  const [state, action] = useActionState(saveIssuingBodyAction.bind(null, body?.id), { ok: false });
  const { common, admin, bodies } = useMessages();
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField name="superiorName" label={common.fields.superiorName} state={state} defaultValue={body?.superiorName ?? ""} maxLength={200} hint={bodies.form.superiorHint} />
      <TextField name="name" label={common.fields.bodyName} state={state} defaultValue={body?.name} maxLength={200} hint={bodies.form.nameHint} required />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="placeName" label={common.fields.placeName} state={state} defaultValue={body?.placeName} maxLength={100} required />
        <TextField
          name="abbreviation"
          label={common.fields.bodyAbbreviation}
          state={state}
          defaultValue={body?.abbreviation}
          maxLength={20}
          hint={bodies.form.abbreviationHint}
          required
        />
        <TextField
          name="sealDiameterMm"
          label={bodies.form.diameter}
          type="number"
          min={SEAL_DIAMETER_MM.min}
          max={SEAL_DIAMETER_MM.max}
          state={state}
          defaultValue={body?.sealDiameterMm ?? 36}
          required
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton>{body ? admin.shared.saveChanges : bodies.form.create}</SubmitButton>
    </form>
  );
}
