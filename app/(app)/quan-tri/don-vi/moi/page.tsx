import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { listIssuingBodyOptions } from "@/lib/issuing-bodies/list-issuing-bodies";
import { PageHeader } from "@/components/ui/page-header";
import { UnitForm } from "@/components/admin/unit-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.units.add };
}

export default async function NewUnitPage() {
  await requirePageRole("ADMIN");
  const [{ admin }, issuingBodies] = await Promise.all([getMessages(), listIssuingBodyOptions()]);
  return (
    <>
      <PageHeader title={admin.units.add} />
      <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5">
        <UnitForm issuingBodies={issuingBodies} />
      </section>
    </>
  );
}
