import type { AssignmentStatus } from "@/lib/generated/prisma/enums";

/** Why a head can no longer sign or decline an assignment in this status; null when they still can. */
export function statusRefusal(status: AssignmentStatus): string | null {
  switch (status) {
    case "PENDING":
    case "VIEWED":
      return null;
    case "SIGNED":
    case "COMPLETED":
      return "Bản cam kết này đã được ký; không thể ký lại hay từ chối.";
    case "DECLINED":
      return "Bạn đã từ chối ký bản cam kết này; chờ Chủ tịch UBND thành phố phát hành lại.";
    case "SUPERSEDED":
      return "Bản cam kết này đã được thay thế bằng bản phát hành lại; hãy mở bản mới trong danh sách.";
  }
}
