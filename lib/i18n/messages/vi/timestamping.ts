/** Section "timestamping" (issue 15): where a signature's trusted time comes from, and when it cannot be had. */
export const timestamping = {
  unavailable:
    "Máy chủ dấu thời gian ({tsa}) không trả lời hoặc trả lời không hợp lệ, nên văn bản chưa được ký (chữ ký cần thời điểm ký tin cậy). Hãy thử lại sau ít phút; nếu vẫn lỗi, báo Phòng Nội vụ.",
  sourceBuiltIn:
    "Dấu thời gian: máy chủ dấu thời gian riêng của hệ thống camket (chứng thư do CA thành phố cấp), không phải của tổ chức cung cấp dịch vụ tin cậy.",
  sourceConfigured: "Dấu thời gian: máy chủ dấu thời gian {tsa}.",
};
