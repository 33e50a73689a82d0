import { z } from "zod";
import { idSchema, requiredText } from "@/lib/forms/text-fields";
import { searchQuerySchema } from "@/lib/forms/search-query";
import { messageRef } from "@/lib/i18n/message-ref";
import { refinePrintable } from "@/lib/pdf/printable-text";
import { optionalIssuingBodyIdSchema } from "@/lib/issuing-bodies/issuing-body-schemas";
import type { UnitKind } from "@/lib/generated/prisma/enums";

export const UNIT_KINDS = ["AGENCY", "WARD", "COMMUNE"] as const satisfies readonly UnitKind[];

export const unitKindSchema = z.enum(UNIT_KINDS, { error: messageRef("admin.units.kindInvalid") });

export const unitInputSchema = z.object({
  // Printed in every commitment's header and sentences.
  name: requiredText("unitName", 150).pipe(z.string().superRefine(refinePrintable)),
  kind: unitKindSchema,
  code: requiredText("unitCode", 20).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, messageRef("admin.units.codeFormat"))
      .transform((s) => s.toUpperCase()),
  ),
  // The body its documents are issued under; none: the city's.
  issuingBodyId: optionalIssuingBodyIdSchema,
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitIdSchema = idSchema("unit");

export const unitListFilterSchema = z.object({
  q: searchQuerySchema,
  kind: unitKindSchema.optional().catch(undefined),
});
export type UnitListFilter = z.infer<typeof unitListFilterSchema>;
