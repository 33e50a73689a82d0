import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Cam kết của tôi" };

export default async function MyCommitmentsPage() {
  const user = await requirePageRole("UNIT_HEAD");
  return (
    <>
      <PageHeader title="Cam kết của tôi" description={`${user.jobTitle} · ${user.unit?.name ?? "Chưa được giao đơn vị"}`} />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="text-slate-700">Chưa có bản cam kết nào được giao cho đơn vị của bạn.</p>
      </section>
    </>
  );
}
