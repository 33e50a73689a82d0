import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { findClerkBody } from "@/lib/issuance/find-clerk-body";
import { listIssuanceQueue } from "@/lib/issuance/list-issuance-queue";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { IssueQueue } from "@/components/issuance/issue-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).issuance.title };
}

/** /van-thu — the clerk's queue of COMPLETED documents of their issuing body. */
export default async function IssuancePage() {
  const actor = await requirePageRole("CLERK");
  const t = (await getMessages()).issuance;
  const body = await findClerkBody(actor);
  if (!body) {
    return (
      <>
        <PageHeader title={t.title} />
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.noBody}
        </p>
      </>
    );
  }
  const rows = await listIssuanceQueue(body.id);
  return (
    <>
      <PageHeader
        title={t.title}
        description={
          <>
            {t.description}
            <span className="mt-2 flex flex-wrap items-center gap-2">
              <strong>{formatMessage(t.body, { name: body.name })}</strong>
              {body.hasSeal ? <Badge tone="green">{t.sealSet}</Badge> : <Badge tone="amber">{t.sealMissing}</Badge>}
            </span>
          </>
        }
      />
      <h2 className="mb-2 text-lg font-semibold">{t.queue.caption}</h2>
      <IssueQueue rows={rows.map((r) => ({ ...r, countersignedAt: r.countersignedAt ? formatDateTime(r.countersignedAt) : "" }))} />
    </>
  );
}
