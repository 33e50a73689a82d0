import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { unitKindSchema } from "@/lib/units/unit-schemas";
import { vietnamDateSchema } from "@/lib/time/vietnam-date-input";
import { messageRef } from "@/lib/i18n/message-ref";
import { refinePrintable } from "@/lib/pdf/printable-text";

export const MAX_RECIPIENTS = 15;
const MAX_RECIPIENT_LENGTH = 200;

/**
 * "Nơi nhận" (App. I ô 9b), one per line as typed in the form's textarea (or already a list). Stored
 * without the list dash — the document prints "- " before each line, so a typed "- Như trên;" and
 * "Như trên;" are the same; blank lines are dropped; "- Lưu: VT, …" is not typed, the document adds it.
 */
export const recipientsSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/\r?\n/) : (value ?? [])),
  z
    .array(
      z
        .string()
        .transform((s) => s.normalize("NFC").trim().replace(/^[-–—]\s*/, ""))
        .pipe(
          z
            .string()
            .max(MAX_RECIPIENT_LENGTH, messageRef("bodies.campaign.recipientTooLong", { max: MAX_RECIPIENT_LENGTH }))
            .superRefine(refinePrintable),
        ),
    )
    .transform((lines) => lines.filter((line) => line !== ""))
    .pipe(z.array(z.string()).max(MAX_RECIPIENTS, messageRef("bodies.campaign.tooManyRecipients", { max: MAX_RECIPIENTS }))),
);

/** The document type's abbreviation in the code "Số: 12/CK-UBND" (CK: cam kết). */
export const documentTypeCodeSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim().toUpperCase() : "CK"),
  z.string().regex(/^[A-Z]{1,10}$/, messageRef("bodies.campaign.documentTypeCodeFormat")),
);

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
    recipients: recipientsSchema,
    documentTypeCode: documentTypeCodeSchema,
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
    recipients: formData.get("recipients"),
    documentTypeCode: formData.get("documentTypeCode"),
    unitSelection:
      mode === "KINDS"
        ? { mode, kinds: formData.getAll("kinds") }
        : mode === "UNITS"
          ? { mode, unitIds: formData.getAll("unitIds") }
          : { mode },
  };
}

export const campaignIdSchema = idSchema("campaign");
