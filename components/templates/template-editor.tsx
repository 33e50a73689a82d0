"use client";

import { useActionState } from "react";
import { saveTemplateDraftAction } from "@/app/(app)/quan-tri/mau-cam-ket/actions";
import { TextField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import type { FormResult } from "@/lib/forms/form-result";

function TextArea({ name, label, hint, rows, values, state }: { name: string; label: string; hint?: string; rows: number; values: Record<string, string>; state: FormResult }) {
  const errors = Object.entries(state.fieldErrors ?? {})
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages ?? []);
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={values[name]}
        aria-invalid={errors.length ? true : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-serif aria-[invalid=true]:border-red-600"
      />
      {errors.length > 0 && <p className="mt-1 text-sm text-red-700">{[...new Set(errors)].join(" · ")}</p>}
    </div>
  );
}

/** The draft's content, field by field; lists are one item per line. */
export function TemplateEditor({ values }: { values: Record<string, string> }) {
  const [state, action] = useActionState(saveTemplateDraftAction, { ok: false });
  const { editor, fields } = useMessages().admin.templates;
  const perLine = editor.perLine;
  return (
    <form action={action} className="space-y-4" noValidate>
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
        {editor.placeholders} <code>{"{don_vi}"}</code>, <code>{"{nguoi_dung_dau}"}</code>, <code>{"{chuc_vu}"}</code>, <code>{"{vai_tro}"}</code>,{" "}
        <code>{"{thanh_pho}"}</code>.
      </p>
      <TextField name="title" label={fields.title} state={state} defaultValue={values.title} />
      <TextField name="subtitle" label={fields.subtitle} state={state} defaultValue={values.subtitle} />
      <TextArea name="legalBases" label={fields.legalBases} hint={perLine} rows={5} values={values} state={state} />
      <TextArea name="parIndex.intro" label={editor.parIntro} rows={3} values={values} state={state} />
      <TextArea name="parIndex.improved" label={fields.improved} hint={perLine} rows={4} values={values} state={state} />
      <TextArea name="parIndex.declined" label={fields.declined} hint={perLine} rows={3} values={values} state={state} />
      <TextArea name="parIndex.unchanged" label={fields.unchanged} hint={perLine} rows={4} values={values} state={state} />
      <TextArea name="commitmentIntro" label={fields.commitmentIntro} rows={3} values={values} state={state} />
      <TextArea name="commitments" label={editor.commitments} hint={perLine} rows={14} values={values} state={state} />
      <TextArea name="closing" label={fields.closing} hint={perLine} rows={3} values={values} state={state} />
      <FormMessage state={state} />
      <SubmitButton>{editor.save}</SubmitButton>
    </form>
  );
}
