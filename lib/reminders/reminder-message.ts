import { formatDateTime } from "@/lib/time/vietnam-time";
import type { ReminderKind } from "@/lib/generated/prisma/enums";

type Facts = { kind: ReminderKind; headName: string; unitName: string; campaignName: string; deadline: Date; link: string };

/** The reminder e-mail, in Vietnamese, naming the unit and the deadline (Asia/Ho_Chi_Minh). */
export function reminderMessage(f: Facts): { subject: string; body: string } {
  const when = formatDateTime(f.deadline);
  const lead =
    f.kind === "OVERDUE"
      ? `Bản cam kết của ${f.unitName} đã quá hạn ký (hạn ký: ${when}).`
      : `Bản cam kết của ${f.unitName} chưa được ký; hạn ký là ${when}.`;
  return {
    subject: `Nhắc ký bản cam kết CCHC — ${f.unitName}`,
    body: [
      `Kính gửi đồng chí ${f.headName},`,
      "",
      `${lead} Đề nghị đồng chí xem và ký số bản cam kết “${f.campaignName}” tại:`,
      f.link,
      "",
      "Trân trọng,",
      "UBND thành phố Phan Thiết",
    ].join("\n"),
  };
}
