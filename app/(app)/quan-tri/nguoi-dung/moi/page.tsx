import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUnits } from "@/lib/units/list-units";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";

export const metadata: Metadata = { title: "Thêm người dùng" };

export default async function NewUserPage() {
  await requirePageRole("ADMIN");
  const units = await listUnits({}, { activeOnly: true });
  return (
    <>
      <PageHeader title="Thêm người dùng" />
      <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <UserForm units={units} />
      </section>
    </>
  );
}
