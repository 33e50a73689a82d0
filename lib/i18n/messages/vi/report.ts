/** Báo cáo xác minh của từng văn bản (PDF); the report itself is always Vietnamese, these are the screens' words. */
export const report = {
  link: "Báo cáo xác minh (PDF)",
  linkTitle: "Báo cáo xác minh chữ ký số của bản hiện hành: người ký, chứng thư, thời điểm, mã băm và nhật ký",
  badQuery: "Tham số không hợp lệ: chỉ chấp nhận download=1.",
};
