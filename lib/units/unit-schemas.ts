import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import type { UnitKind } from "@/lib/generated/prisma/enums";

export const UNIT_KINDS = ["AGENCY", "WARD", "COMMUNE"] as const satisfies readonly UnitKind[];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  AGENCY: "Phòng, ban",
  WARD: "Phường",
  COMMUNE: "Xã",
};

export const unitKindSchema = z.enum(UNIT_KINDS, { error: "Loại đơn vị không hợp lệ" });

export const unitInputSchema = z.object({
  name: requiredText("unitName", 150),
  kind: unitKindSchema,
  code: requiredText("unitCode", 20).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "Mã đơn vị chỉ gồm chữ không dấu, số và dấu gạch ngang")
      .transform((s) => s.toUpperCase()),
  ),
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitIdSchema = idSchema("unit");

export const unitListFilterSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  kind: unitKindSchema.optional().catch(undefined),
});
export type UnitListFilter = z.infer<typeof unitListFilterSchema>;
