import { getMessages } from "@/lib/i18n/get-messages";

/** GET filters of the register: the year, and for city-level readers the body. State lives in the URL. */
export async function RegisterFilters({ year, bodyId, bodies }: { year: number; bodyId: string | null; bodies: { id: string; name: string }[] }) {
  const t = (await getMessages()).issuance.register;
  const field = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <form method="get" role="search" aria-label={t.filter} className="mb-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="year" className="block text-sm font-medium text-slate-700">{t.year}</label>
        <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} className={`${field} w-28`} />
      </div>
      {bodies.length > 0 && (
        <div>
          <label htmlFor="body" className="block text-sm font-medium text-slate-700">{t.body}</label>
          <select id="body" name="body" defaultValue={bodyId ?? ""} className={field}>
            <option value="">{t.allBodies}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
        {t.filter}
      </button>
    </form>
  );
}
