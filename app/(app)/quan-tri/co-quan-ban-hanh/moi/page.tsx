import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { PageHeader } from "@/components/ui/page-header";
import { IssuingBodyForm } from "@/components/issuing-bodies/issuing-body-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).bodies.add };
}

export default async function NewIssuingBodyPage() {
  await requirePageRole("ADMIN");
  const { bodies } = await getMessages();
  return (
    <>
      <PageHeader title={bodies.add} />
      <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5">
        <IssuingBodyForm />
      </section>
    </>
  );
}
