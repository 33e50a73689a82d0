import type { Messages } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import type { RejectedValidationData } from "./rejected-validation-data";

/** Why one OCSP response or CRL of the file was not used, in the reader's words (never the library's). */
export function describeRejectedValidationData(messages: Messages, rejected: RejectedValidationData): string {
  const words = messages.verification.longTerm.rejected;
  const certificate = rejected.certificate ? words.certificates[rejected.certificate] : "";
  if (rejected.kind === "ocsp") return formatMessage(words.ocsp[rejected.reason], { certificate });
  if (rejected.reason !== "expired") return formatMessage(words.crl[rejected.reason], { certificate });
  const time = formatSigningTime(rejected.proofOfExistence);
  if (!rejected.nextUpdate) return formatMessage(words.crl.expiredWithoutNextUpdate, { certificate, time });
  return formatMessage(words.crl.expired, { certificate, time, nextUpdate: formatSigningTime(rejected.nextUpdate) });
}
