import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { unitKindSchema } from "@/lib/units/unit-schemas";
import { vietnamDateSchema } from "@/lib/time/vietnam-date-input";

export const unitSelectionSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("ALL") }),
    z.object({ mode: z.literal("KINDS"), kinds: z.array(unitKindSchema).min(1, "Chọn ít nhất một loại đơn vị") }),
    z.object({ mode: z.literal("UNITS"), unitIds: z.array(idSchema("unit")).min(1, "Chọn ít nhất một đơn vị") }),
  ],
  { error: "Cách chọn đơn vị không hợp lệ" },
);
export type UnitSelection = z.infer<typeof unitSelectionSchema>;

/** The campaign form. `now` makes "deadline in the past" testable. */
export const campaignInputSchema = (now = new Date()) =>
  z.object({
    name: requiredText("campaignName", 200),
    templateVersionId: idSchema("commitmentTemplateVersion"),
    unitSelection: unitSelectionSchema,
    deadline: vietnamDateSchema("deadline", { endOfDay: true }).refine((d) => d > now, "Hạn ký phải sau thời điểm hiện tại"),
    documentDate: vietnamDateSchema("documentDate"),
  });
export type CampaignInput = z.infer<ReturnType<typeof campaignInputSchema>>;

/** Form fields → the shape campaignInputSchema expects (checkbox lists become arrays). */
export function campaignFormToInput(formData: FormData) {
  const mode = String(formData.get("unitMode") ?? "");
  return {
    name: formData.get("name"),
    templateVersionId: formData.get("templateVersionId"),
    deadline: formData.get("deadline"),
    documentDate: formData.get("documentDate"),
    unitSelection:
      mode === "KINDS"
        ? { mode, kinds: formData.getAll("kinds") }
        : mode === "UNITS"
          ? { mode, unitIds: formData.getAll("unitIds") }
          : { mode },
  };
}

export const campaignIdSchema = idSchema("campaign");
