import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { getPublishedTemplateVersion } from "@/lib/templates/list-template-versions";
import { listUnits } from "@/lib/units/list-units";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.campaigns.create };
}

export default async function NewCampaignPage() {
  await requirePageRole("ADMIN");
  const [template, units] = await Promise.all([getPublishedTemplateVersion(), listUnits({}, { activeOnly: true })]);
  const t = (await getMessages()).admin.campaigns;
  return (
    <>
      <PageHeader title={t.newTitle} />
      <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        {template ? (
          <CampaignForm template={template} units={units} today={vietnamToday()} />
        ) : (
          <p>
            {t.noTemplate}{" "}
            <Link href="/quan-tri/mau-cam-ket" className="text-brand-700 hover:underline">
              {t.noTemplateLink}
            </Link>{" "}
            {t.noTemplateAfter}
          </p>
        )}
      </section>
    </>
  );
}
