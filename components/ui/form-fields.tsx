import type { FormResult } from "@/lib/forms/form-result";

type FieldProps = {
  name: string;
  label: string;
  state?: FormResult;
  hint?: string;
};

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm aria-[invalid=true]:border-red-600";

/** Label, control, hint and the server's errors for this field (announced via aria-describedby). */
function Field({ name, label, state, hint, control }: FieldProps & { control: (aria: Record<string, string | boolean | undefined>) => React.ReactNode }) {
  const errors = state?.fieldErrors?.[name];
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({ id: name, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": errors?.length ? errorId : undefined })}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(" · ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ name, label, state, hint, ...input }: FieldProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  return <Field name={name} label={label} state={state} hint={hint} control={(aria) => <input {...aria} className={inputClass} {...input} />} />;
}

export function SelectField({
  name,
  label,
  state,
  hint,
  options,
  ...select
}: FieldProps & { options: { value: string; label: string }[] } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  return (
    <Field
      name={name}
      label={label}
      state={state}
      hint={hint}
      control={(aria) => (
        <select {...aria} className={inputClass} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
