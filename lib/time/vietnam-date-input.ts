import { z } from "zod";

/**
 * A date typed in a form ("2026-12-31") as the Vietnamese calendar day it names: `endOfDay` gives
 * 23:59:59.999 in +07:00 (a deadline), otherwise 00:00 +07:00 (a document date). Stored in UTC.
 */
export function vietnamDateSchema(label: string, { endOfDay = false } = {}) {
  return z
    .string({ error: `${label} không được để trống` })
    .trim()
    .min(1, `${label} không được để trống`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} phải có dạng năm-tháng-ngày`)
    .transform((text, ctx) => {
      const date = new Date(`${text}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}+07:00`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) === "Invalid Date") {
        ctx.addIssue({ code: "custom", message: `${label} không phải là một ngày có thật` });
        return z.NEVER;
      }
      // Reject rollovers such as 2026-02-31.
      const roundTrip = new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      if (roundTrip !== text) {
        ctx.addIssue({ code: "custom", message: `${label} không phải là một ngày có thật` });
        return z.NEVER;
      }
      return date;
    });
}
