import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { listUnits } from "@/lib/units/list-units";
import { listIssuingBodyOptions } from "@/lib/issuing-bodies/list-issuing-bodies";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.users.add };
}

export default async function NewUserPage() {
  await requirePageRole("ADMIN");
  const [units, issuingBodies] = await Promise.all([listUnits({}, { activeOnly: true }), listIssuingBodyOptions()]);
  const { admin } = await getMessages();
  return (
    <>
      <PageHeader title={admin.users.add} />
      <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <UserForm units={units} issuingBodies={issuingBodies} />
      </section>
    </>
  );
}
