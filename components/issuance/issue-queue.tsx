"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { issueAction } from "@/app/(app)/van-thu/actions";
import { useMessages } from "@/components/i18n/messages-provider";
import { DataTable } from "@/components/ui/data-table";
import { FormMessage } from "@/components/ui/form-message";
import { formatMessage } from "@/lib/i18n/format-message";

export type QueueItem = { id: string; unitName: string; campaignName: string; headName: string; countersignedAt: string };

/** The clerk's queue: a checkbox and "Ban hành" per document, and the selection or everything at once. */
export function IssueQueue({ rows }: { rows: QueueItem[] }) {
  const [state, action] = useActionState(issueAction, { ok: false });
  const t = useMessages().issuance;
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      {state.refused && state.refused.length > 0 && (
        <ul className="list-disc space-y-1 pl-6 text-sm text-red-800" data-testid="issue-refusals">
          {state.refused.map((r, i) => (
            <li key={i}>{r.unit ? formatMessage(t.results.refusedUnit, { unit: r.unit, reason: r.reason }) : r.reason}</li>
          ))}
        </ul>
      )}
      <DataTable
        headers={[t.queue.select, t.queue.unit, t.queue.campaign, t.queue.head, t.queue.completedAt, t.queue.actions]}
        empty={t.queue.empty}
        isEmpty={rows.length === 0}
        testId="issue-queue"
      >
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <input type="checkbox" name="assignmentIds" value={row.id} aria-label={formatMessage(t.queue.selectRow, { unit: row.unitName })} className="h-4 w-4" />
            </td>
            <td className="px-3 py-2 font-medium">{row.unitName}</td>
            <td className="px-3 py-2">{row.campaignName}</td>
            <td className="px-3 py-2">{row.headName}</td>
            <td className="px-3 py-2">{row.countersignedAt}</td>
            <td className="px-3 py-2">
              <IssueButton name="only" value={row.id} variant="secondary">
                {t.queue.issue}
              </IssueButton>
            </td>
          </tr>
        ))}
      </DataTable>
      {rows.length > 0 && (
        <div className="flex flex-wrap gap-2">
          <IssueButton name="selected" value="1">
            {t.queue.issueSelected}
          </IssueButton>
          <IssueButton name="all" value="1" variant="secondary">
            {t.queue.issueAll}
          </IssueButton>
        </div>
      )}
    </form>
  );
}

/** A submit button whose name and value tell the action which documents (FormData carries the submitter). */
function IssueButton({ name, value, variant = "primary", children }: { name: string; value: string; variant?: "primary" | "secondary"; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  const pendingLabel = useMessages().issuance.queue.pending;
  const colors = variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50";
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${colors}`}>
      {pending ? pendingLabel : children}
    </button>
  );
}
