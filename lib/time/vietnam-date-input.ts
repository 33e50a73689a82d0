import { z } from "zod";
import { labelRef, type FieldLabel } from "@/lib/forms/text-fields";
import { messageRef } from "@/lib/i18n/message-ref";

/**
 * A date typed in a form ("2026-12-31") as the Vietnamese calendar day it names: `endOfDay` gives
 * 23:59:59.999 in +07:00 (a deadline), otherwise 00:00 +07:00 (a document date). Stored in UTC.
 */
export function vietnamDateSchema(label: FieldLabel, { endOfDay = false } = {}) {
  const required = messageRef("common.validation.required", { label: labelRef(label) });
  const notReal = messageRef("common.validation.dateNotReal", { label: labelRef(label) });
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .regex(/^\d{4}-\d{2}-\d{2}$/, messageRef("common.validation.dateFormat", { label: labelRef(label) }))
    .transform((text, ctx) => {
      const date = new Date(`${text}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}+07:00`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) === "Invalid Date") {
        ctx.addIssue({ code: "custom", message: notReal });
        return z.NEVER;
      }
      // Reject rollovers such as 2026-02-31.
      const roundTrip = new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      if (roundTrip !== text) {
        ctx.addIssue({ code: "custom", message: notReal });
        return z.NEVER;
      }
      return date;
    });
}
