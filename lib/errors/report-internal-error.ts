import { randomBytes } from "node:crypto";
import { isDatabaseUnavailable } from "./database-unavailable";

export type InternalErrorReport = { unavailable: boolean; reference: string };

/**
 * Logs an error nobody expected — in full, with a short reference the person can quote — and says
 * whether it was the database being unreachable. The person is only ever shown the reference and a
 * plain message, never the error's own text (it may hold SQL, a host and port, or a stack).
 */
export function reportInternalError(where: string, error: unknown): InternalErrorReport {
  const reference = randomBytes(4).toString("hex");
  const unavailable = isDatabaseUnavailable(error);
  console.error(`[camket] ${where} failed (reference ${reference}${unavailable ? ", database unavailable" : ""}):`, error);
  return { unavailable, reference };
}
