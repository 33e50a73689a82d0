/** Signing in and out. */
export const auth = {
  pageTitle: "Đăng nhập",
  intro: "Đăng nhập để xem và ký số bản cam kết của đơn vị.",
  email: "Email",
  password: "Mật khẩu",
  submit: "Đăng nhập",
  submitting: "Đang đăng nhập…",
  invalidCredentials: "Email hoặc mật khẩu không đúng",
  locked: "Đã nhập sai mật khẩu nhiều lần cho email này từ thiết bị của bạn. Vui lòng đợi vài phút rồi thử lại.",
  unavailable: "Dịch vụ tạm thời không khả dụng, vui lòng thử lại sau.",
  ipThrottled: "Quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau 15 phút.",
};
