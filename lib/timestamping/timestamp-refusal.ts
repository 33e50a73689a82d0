import type { Actor } from "@/lib/auth/find-active-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { currentTimestamper } from "./current-timestamper";

/** What the signer reads when the TSA failed and nothing was signed: which TSA, and to try again. */
export function timestampRefusal(actor: Actor): string {
  return formatMessage(messagesFor(actor).timestamping.unavailable, { tsa: currentTimestamper().label });
}
