"use client";

import { useMessages } from "@/components/i18n/messages-provider";

/** A GET search form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function SearchForm({
  q,
  placeholder,
  select,
}: {
  q?: string;
  placeholder: string;
  select?: { name: string; label: string; value?: string; options: { value: string; label: string }[] };
}) {
  const { search } = useMessages().common;
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-slate-700">
          {search.label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={placeholder}
          maxLength={100}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      {select && (
        <div>
          <label htmlFor={select.name} className="block text-sm font-medium text-slate-700">
            {select.label}
          </label>
          <select id={select.name} name={select.name} defaultValue={select.value ?? ""} className="mt-1 block rounded-md border border-slate-300 px-3 py-2">
            <option value="">{search.all}</option>
            {select.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900">
        {search.submit}
      </button>
    </form>
  );
}
