import type { FormResult } from "@/lib/forms/form-result";

type FieldProps = {
  name: string;
  label: string;
  state?: FormResult;
  hint?: string;
};

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm aria-[invalid=true]:border-red-600";

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(" · ")}
    </p>
  );
}

/** A labelled input whose errors (from the server action) stand right below it. */
export function TextField({
  name,
  label,
  state,
  hint,
  ...input
}: FieldProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const errors = state?.fieldErrors?.[name];
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className={inputClass}
        {...input}
      />
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  state,
  hint,
  options,
  ...select
}: FieldProps & { options: { value: string; label: string }[] } & Omit<
    React.SelectHTMLAttributes<HTMLSelectElement>,
    "name"
  >) {
  const errors = state?.fieldErrors?.[name];
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className={inputClass}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
