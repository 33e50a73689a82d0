import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { unitKindSchema } from "@/lib/units/unit-schemas";
import { vietnamDateSchema } from "@/lib/time/vietnam-date-input";
import { messageRef } from "@/lib/i18n/message-ref";

export const unitSelectionSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("ALL") }),
    z.object({ mode: z.literal("KINDS"), kinds: z.array(unitKindSchema).min(1, messageRef("admin.campaigns.chooseKind")) }),
    z.object({ mode: z.literal("UNITS"), unitIds: z.array(idSchema("unit")).min(1, messageRef("admin.campaigns.chooseUnit")) }),
  ],
  { error: messageRef("admin.campaigns.selectionInvalid") },
);
export type UnitSelection = z.infer<typeof unitSelectionSchema>;

/** The campaign form. `now` makes "deadline in the past" testable. */
export const campaignInputSchema = (now = new Date()) =>
  z.object({
    name: requiredText("campaignName", 200),
    templateVersionId: idSchema("commitmentTemplateVersion"),
    unitSelection: unitSelectionSchema,
    deadline: vietnamDateSchema("deadline", { endOfDay: true }).refine((d) => d > now, messageRef("admin.campaigns.deadlineInPast")),
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
