import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";
import { UnitForm } from "@/components/admin/unit-form";

export const metadata: Metadata = { title: "Thêm đơn vị" };

export default async function NewUnitPage() {
  await requirePageRole("ADMIN");
  return (
    <>
      <PageHeader title="Thêm đơn vị" />
      <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5">
        <UnitForm />
      </section>
    </>
  );
}
