/** Section "closing" (issue 14): the signing deadline, reopening a unit after it, and closing a campaign. */
export const closing = {
  title: "Hạn ký và đóng chiến dịch",
  refusals: {
    closed: "Chiến dịch đã đóng: không thể ký, từ chối, xác nhận, nhắc, cấp lại, mở lại hay ban hành; hồ sơ lưu trữ là bản cuối cùng.",
    pastDeadline: "Đã quá hạn ký ({deadline}); liên hệ Chủ tịch UBND thành phố để mở lại.",
    reopenExpired: "Đã quá hạn ký và thời hạn mở lại đã hết lúc {until}; liên hệ Chủ tịch UBND thành phố để mở lại.",
    notLaunched: "Chiến dịch chưa phát động.",
  },
  close: {
    heading: "Đóng chiến dịch",
    text: "Sau khi đóng, không còn ký, từ chối, xác nhận, nhắc, cấp lại, mở lại hay ban hành; hồ sơ lưu trữ là bản cuối cùng.",
    button: "Đóng chiến dịch",
    confirm: "Đóng chiến dịch này? Không thể hoàn tác.",
    closed: "Đã đóng chiến dịch.",
    closedAt: "Chiến dịch đã đóng lúc {at}.",
    alreadyClosed: "Chiến dịch đã đóng trước đó.",
    notFound: "Không tìm thấy chiến dịch.",
  },
  reopen: {
    heading: "Mở lại để ký sau hạn",
    reason: "Lý do mở lại",
    days: "Số ngày được ký thêm",
    button: "Mở lại để ký sau hạn",
    reopened: "Đã mở lại cho {unit} ký đến {until}.",
    reasonTooShort: "Lý do mở lại phải có ít nhất 10 ký tự.",
    reasonRequired: "Hãy nhập lý do mở lại.",
    daysInvalid: "Số ngày phải từ 1 đến {max}.",
    notOpen: "Chỉ mở lại được bản cam kết chưa ký và chưa từ chối.",
    notPastDeadline: "Chưa quá hạn ký; không cần mở lại.",
    window: "Đã được mở lại để ký sau hạn, đến {until}. Lý do: {reason}",
  },
};
