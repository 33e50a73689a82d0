import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUnits } from "@/lib/units/list-units";
import { PageHeader } from "@/components/ui/page-header";
import { UnitsByKind } from "@/components/units/units-by-kind";

export const metadata: Metadata = { title: "Theo dõi" };

export default async function MonitoringPage() {
  await requirePageRole("CHAIRPERSON", "ADMIN", "AUDITOR");
  const units = await listUnits({}, { activeOnly: true });
  return (
    <>
      <PageHeader title="Theo dõi ký cam kết" description={`${units.length} đơn vị ký cam kết của thành phố`} />
      <UnitsByKind units={units} />
    </>
  );
}
