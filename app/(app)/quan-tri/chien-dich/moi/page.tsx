import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { getPublishedTemplateVersion } from "@/lib/templates/list-template-versions";
import { listUnits } from "@/lib/units/list-units";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export const metadata: Metadata = { title: "Tạo chiến dịch" };

export default async function NewCampaignPage() {
  await requirePageRole("ADMIN");
  const [template, units] = await Promise.all([getPublishedTemplateVersion(), listUnits({}, { activeOnly: true })]);
  return (
    <>
      <PageHeader title="Tạo chiến dịch ký cam kết" />
      <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        {template ? (
          <CampaignForm template={template} units={units} today={vietnamToday()} />
        ) : (
          <p>
            Chưa có mẫu cam kết nào được công bố.{" "}
            <Link href="/quan-tri/mau-cam-ket" className="text-brand-700 hover:underline">
              Công bố một phiên bản mẫu
            </Link>{" "}
            trước khi tạo chiến dịch.
          </p>
        )}
      </section>
    </>
  );
}
