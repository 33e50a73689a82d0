import { randomBytes } from "node:crypto";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";
import { isDatabaseUnavailable } from "./database-unavailable";

export type InternalErrorReport = { status: 500 | 503; message: string };

/**
 * Logs an error nobody expected — in full, with a short reference the person can quote — and words what
 * they are told instead: "temporarily unavailable" (503) when the database cannot be reached, otherwise a
 * generic message with the reference (500). Never the error's own text: it may hold SQL, a host and
 * port, or a stack.
 */
export function reportInternalError(where: string, error: unknown, messages: Messages): InternalErrorReport {
  const reference = randomBytes(4).toString("hex");
  const unavailable = isDatabaseUnavailable(error);
  console.error(`[camket] ${where} failed (reference ${reference}${unavailable ? ", database unavailable" : ""}):`, error);
  const { errors } = messages.common;
  return unavailable ? { status: 503, message: errors.unavailable } : { status: 500, message: formatMessage(errors.unexpected, { reference }) };
}
