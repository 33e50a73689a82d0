import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUnits } from "@/lib/units/list-units";
import { PageHeader } from "@/components/ui/page-header";
import { UnitsByKind } from "@/components/units/units-by-kind";

export const metadata: Metadata = { title: "Lưu trữ" };

export default async function ArchivePage() {
  await requirePageRole("AUDITOR", "CHAIRPERSON", "ADMIN");
  const units = await listUnits({}, { activeOnly: true });
  return (
    <>
      <PageHeader title="Lưu trữ hồ sơ cam kết" description={`Hồ sơ của ${units.length} đơn vị`} />
      <UnitsByKind units={units} />
    </>
  );
}
