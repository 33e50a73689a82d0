/** Signing in and out. */
export const auth = {
  pageTitle: "Đăng nhập",
  intro: "Đăng nhập để xem và ký số bản cam kết của đơn vị.",
  email: "Email",
  password: "Mật khẩu",
  submit: "Đăng nhập",
  submitting: "Đang đăng nhập…",
  invalidCredentials: "Email hoặc mật khẩu không đúng",
  locked: "Tài khoản tạm khóa do nhập sai mật khẩu quá 5 lần. Vui lòng thử lại sau {until}.",
  ipThrottled: "Quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau 15 phút.",
};
