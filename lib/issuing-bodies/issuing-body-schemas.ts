import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { messageRef } from "@/lib/i18n/message-ref";
import { refinePrintable } from "@/lib/pdf/printable-text";

/** The header prints these lines uppercase (App. I §II.2); the admin types them so, we do not guess. */
const isUppercase = (s: string) => s === s.toLocaleUpperCase("vi");
const UPPERCASE = messageRef("bodies.validation.uppercase");

export const SEAL_DIAMETER_MM = { min: 30, max: 50 } as const;

export const issuingBodyInputSchema = z.object({
  name: requiredText("bodyName", 200).pipe(z.string().superRefine(refinePrintable).refine(isUppercase, UPPERCASE)),
  // Empty for a top-level body (the city's own committee).
  superiorName: z
    .string()
    .optional()
    .transform((s) => (s ?? "").normalize("NFC").trim())
    .pipe(
      z
        .string()
        .max(200, messageRef("common.validation.tooLong", { label: { key: "common.fields.superiorName" }, max: 200 }))
        .superRefine(refinePrintable)
        .refine(isUppercase, UPPERCASE),
    )
    .transform((s) => (s === "" ? null : s)),
  placeName: requiredText("placeName", 100).pipe(z.string().superRefine(refinePrintable)),
  // In the printed code "CK-UBND": letters, digits and inner hyphens.
  abbreviation: requiredText("bodyAbbreviation", 20).pipe(
    z
      .string()
      .transform((s) => s.toLocaleUpperCase("vi"))
      .pipe(z.string().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/, messageRef("bodies.validation.abbreviationFormat"))),
  ),
  sealDiameterMm: z.coerce
    .number({ error: messageRef("bodies.validation.diameter", SEAL_DIAMETER_MM) })
    .int(messageRef("bodies.validation.diameter", SEAL_DIAMETER_MM))
    .min(SEAL_DIAMETER_MM.min, messageRef("bodies.validation.diameter", SEAL_DIAMETER_MM))
    .max(SEAL_DIAMETER_MM.max, messageRef("bodies.validation.diameter", SEAL_DIAMETER_MM)),
});
export type IssuingBodyInput = z.infer<typeof issuingBodyInputSchema>;

/** The city body's id is the fixed 'city' (created by the migration); every other body has a uuid. */
const uuid = idSchema("issuingBody");
export const issuingBodyIdSchema = z
  .string({ error: messageRef("common.validation.notFound", { label: { key: "common.fields.issuingBody" } }) })
  .refine((s) => s === "city" || uuid.safeParse(s).success, messageRef("common.validation.notFound", { label: { key: "common.fields.issuingBody" } }));

/** A form's optional body select: empty means none (a unit then issues under the city's body). */
export const optionalIssuingBodyIdSchema = z
  .string()
  .optional()
  .transform((s) => (s ? s : null))
  .pipe(issuingBodyIdSchema.nullable());

export const nextNumberSchema = z.object({
  nextNumber: z.coerce
    .number({ error: messageRef("bodies.validation.nextNumber") })
    .int(messageRef("bodies.validation.nextNumber"))
    .min(1, messageRef("bodies.validation.nextNumber"))
    .max(1_000_000, messageRef("bodies.validation.nextNumber")),
});
