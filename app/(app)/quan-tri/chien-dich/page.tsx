import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Chiến dịch" };

const STATUS = { DRAFT: ["Bản nháp", "gray"], LAUNCHED: ["Đang ký", "blue"], CLOSED: ["Đã đóng", "green"] } as const;

export default async function CampaignsPage() {
  await requirePageRole("ADMIN");
  const campaigns = await listCampaigns();
  return (
    <>
      <PageHeader
        title="Chiến dịch ký cam kết"
        actions={
          <Link href="/quan-tri/chien-dich/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            Tạo chiến dịch
          </Link>
        }
      />
      <DataTable headers={["Chiến dịch", "Trạng thái", "Hạn ký", "Đã ký / tổng", "Mẫu"]} isEmpty={campaigns.length === 0} empty="Chưa có chiến dịch nào.">
        {campaigns.map((c) => (
          <tr key={c.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/chien-dich/${c.id}`} className="font-medium text-brand-700 hover:underline">
                {c.name}
              </Link>
            </td>
            <td className="px-3 py-2">
              <Badge tone={STATUS[c.status][1]}>{STATUS[c.status][0]}</Badge>
            </td>
            <td className="px-3 py-2">{formatDateTime(c.deadline)}</td>
            <td className="px-3 py-2">{c.status === "DRAFT" ? "—" : `${c.signed} / ${c.total}`}</td>
            <td className="px-3 py-2">phiên bản {c.templateVersion.version}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
