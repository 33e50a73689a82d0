import { formatDateTime } from "@/lib/time/vietnam-time";
import type { ReminderKind } from "@/lib/generated/prisma/enums";

type Facts = { kind: ReminderKind; headName: string; unitName: string; campaignName: string; deadline: Date; link: string };
type NewHeadFacts = Omit<Facts, "kind">;

const closing = ["", "Trân trọng,", "UBND thành phố Phan Thiết"];

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
      ...closing,
    ].join("\n"),
  };
}

/** To a unit's new head: the unit's unsigned commitment was reissued in their name and awaits their signature. */
export function newHeadMessage(f: NewHeadFacts): { subject: string; body: string } {
  return {
    subject: `Bản cam kết CCHC mới cần ký — ${f.unitName}`,
    body: [
      `Kính gửi đồng chí ${f.headName},`,
      "",
      `Đồng chí được giao làm người đứng đầu ${f.unitName}. Bản cam kết “${f.campaignName}” của đơn vị chưa được ký nên đã được phát hành lại mang tên đồng chí; hạn ký là ${formatDateTime(f.deadline)}. Đề nghị đồng chí xem và ký số tại:`,
      f.link,
      ...closing,
    ].join("\n"),
  };
}
