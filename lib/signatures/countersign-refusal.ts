import { formatMessage } from "@/lib/i18n/format-message";
import type { Messages } from "@/lib/i18n/messages-for";
import type { SigningTarget } from "./load-signing-context";

/**
 * Why the chairperson may not countersign this assignment now (missing or not visible, already
 * countersigned, not signed by the head yet), or null. Shared by the server-key countersignature and the
 * prepare step of an external one.
 */
export function countersignRefusal(target: SigningTarget | undefined, m: Messages["signing"]["results"]): string | null {
  if (!target) return m.notFound;
  if (target.status === "COMPLETED") return formatMessage(m.alreadyCountersigned, { unit: target.unitName });
  if (target.status !== "SIGNED") return formatMessage(m.notSignedYet, { unit: target.unitName });
  return null;
}
