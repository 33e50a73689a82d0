/** Dấu thời gian (RFC 3161): máy chủ riêng hoặc TSA đã cấu hình. */
export const timestamping = {};
