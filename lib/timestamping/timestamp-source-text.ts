import type { Messages } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { currentTimestamper } from "./current-timestamper";

/** The signing screen's line on where trusted time comes from; the built-in TSA says plainly that it is ours. */
export function timestampSourceText(messages: Messages): string {
  const tsa = currentTimestamper();
  return tsa.source === "built-in" ? messages.timestamping.sourceBuiltIn : formatMessage(messages.timestamping.sourceConfigured, { tsa: tsa.label });
}
