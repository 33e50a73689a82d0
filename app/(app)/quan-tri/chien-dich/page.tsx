import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.campaigns.pageTitle };
}

const STATUS_TONES = { DRAFT: "gray", LAUNCHED: "blue", CLOSED: "green" } as const;

export default async function CampaignsPage() {
  await requirePageRole("ADMIN");
  const campaigns = await listCampaigns();
  const { admin } = await getMessages();
  const t = admin.campaigns;
  return (
    <>
      <PageHeader
        title={t.title}
        actions={
          <Link href="/quan-tri/chien-dich/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t.create}
          </Link>
        }
      />
      <DataTable
        headers={[t.headers.campaign, admin.shared.status, t.headers.deadline, t.headers.signedOfTotal, t.headers.template]}
        isEmpty={campaigns.length === 0}
        empty={t.empty}
      >
        {campaigns.map((c) => (
          <tr key={c.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/chien-dich/${c.id}`} className="font-medium text-brand-700 hover:underline">
                {c.name}
              </Link>
            </td>
            <td className="px-3 py-2">
              <Badge tone={STATUS_TONES[c.status]}>{t.status[c.status]}</Badge>
            </td>
            <td className="px-3 py-2">{formatDateTime(c.deadline)}</td>
            <td className="px-3 py-2">{c.status === "DRAFT" ? "—" : `${c.signed} / ${c.total}`}</td>
            <td className="px-3 py-2">{formatMessage(t.templateVersion, { version: c.templateVersion.version })}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
