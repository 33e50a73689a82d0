import { z } from "zod";
import { idSchema } from "@/lib/forms/text-fields";
import { vietnamDateSchema } from "@/lib/time/vietnam-date-input";

/** The longest delegation the admin may grant: a year (a leap one included), then it is granted again. */
export const MAX_DELEGATION_DAYS = 366;

/** The admin's grant form: who delegates to whom, how (KT. by default), for which Vietnamese calendar days. */
export const grantDelegationSchema = z.object({
  principalId: idSchema("user"),
  deputyId: idSchema("user"),
  kind: z.enum(["KT", "Q", "TM"]).catch("KT"),
  validFrom: vietnamDateSchema("validFrom"),
  validUntil: vietnamDateSchema("validUntil", { endOfDay: true }),
  reason: z
    .string()
    .optional()
    .transform((s) => s?.normalize("NFC").trim() || null)
    .pipe(z.string().max(300).nullable()),
});
