import type { UnitRow } from "@/lib/units/list-units";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/units/unit-schemas";

/** The city's signing units grouped as phòng/ban, phường, xã, each with its head. */
export function UnitsByKind({ units }: { units: UnitRow[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {UNIT_KINDS.map((kind) => {
        const group = units.filter((u) => u.kind === kind);
        return (
          <section key={kind} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`} className="font-semibold">
              {UNIT_KIND_LABELS[kind]} <span className="text-slate-500">({group.length})</span>
            </h2>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {group.map((u) => (
                <li key={u.id} className="py-1.5">
                  <p className="font-medium">{u.name}</p>
                  <p className="text-slate-600">{u.users[0] ? `${u.users[0].fullName} — ${u.users[0].jobTitle}` : "Chưa có người đứng đầu"}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
