import type { AssignmentStatus } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n/messages-for";

/** Why a head can no longer sign or decline an assignment in this status; null when they still can. */
export function statusRefusal(status: AssignmentStatus, m: Messages): string | null {
  switch (status) {
    case "PENDING":
    case "VIEWED":
      return null;
    case "SIGNED":
    case "COMPLETED":
    case "ISSUED":
      return m.signing.results.alreadySigned;
    case "DECLINED":
      return m.signing.results.alreadyDeclined;
    case "SUPERSEDED":
      return m.signing.results.superseded;
  }
}
