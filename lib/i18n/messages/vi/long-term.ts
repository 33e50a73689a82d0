/** Lưu trữ dài hạn: DSS, dấu thời gian tài liệu, gia hạn. */
export const longTerm = {};
