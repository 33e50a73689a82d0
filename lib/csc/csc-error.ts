/**
 * What can go wrong talking to a remote-signing provider, as messages safe to show (Vietnamese first,
 * English for the English screen). The provider's own text and any stack stay in `detail`, for the log only.
 */
export type CscErrorCode =
  | "not-configured"
  | "not-linked"
  | "link-expired"
  | "invalid-pin"
  | "invalid-otp"
  | "credential-expired"
  | "credential-unusable"
  | "too-many-signatures"
  | "refused"
  | "provider-down"
  | "timeout"
  | "malformed-response"
  | "signature-invalid";

export const CSC_ERROR_MESSAGES: Record<CscErrorCode, { vi: string; en: string }> = {
  "not-configured": {
    vi: "Hệ thống chưa được cấu hình dịch vụ ký số từ xa.",
    en: "Remote signing is not configured on this system.",
  },
  "not-linked": {
    vi: "Bạn chưa liên kết tài khoản ký số từ xa. Hãy liên kết trong trang Chữ ký số.",
    en: "You have not linked a remote signing account yet. Link it on the Digital signature page.",
  },
  "link-expired": {
    vi: "Liên kết tài khoản ký số từ xa đã hết hạn, hãy liên kết lại.",
    en: "The link to your remote signing account has expired; please link it again.",
  },
  "invalid-pin": {
    vi: "Mã PIN không đúng. Chưa có văn bản nào được ký.",
    en: "The PIN is wrong. Nothing was signed.",
  },
  "invalid-otp": {
    vi: "Mã OTP không đúng hoặc đã hết hạn. Chưa có văn bản nào được ký.",
    en: "The one-time code is wrong or has expired. Nothing was signed.",
  },
  "credential-expired": {
    vi: "Chứng thư số trên dịch vụ ký số từ xa đã hết hạn hoặc bị thu hồi.",
    en: "The certificate on the remote signing service has expired or been revoked.",
  },
  "credential-unusable": {
    vi: "Khóa ký trên dịch vụ ký số từ xa đang bị khóa hoặc không dùng được.",
    en: "The signing key on the remote signing service is disabled or cannot be used.",
  },
  "too-many-signatures": {
    vi: "Dịch vụ ký số từ xa không cho ký nhiều văn bản như vậy trong một lần xác thực; hãy ký ít văn bản hơn mỗi lần.",
    en: "The remote signing service does not allow that many signatures under one authorization; sign fewer documents at a time.",
  },
  refused: {
    vi: "Dịch vụ ký số từ xa từ chối yêu cầu. Hãy thử lại hoặc liên hệ quản trị.",
    en: "The remote signing service refused the request. Try again or contact the administrator.",
  },
  "provider-down": {
    vi: "Không kết nối được dịch vụ ký số từ xa. Hãy thử lại sau.",
    en: "The remote signing service cannot be reached. Try again later.",
  },
  timeout: {
    vi: "Dịch vụ ký số từ xa không phản hồi kịp. Hãy thử lại sau.",
    en: "The remote signing service did not answer in time. Try again later.",
  },
  "malformed-response": {
    vi: "Dịch vụ ký số từ xa trả lời không đúng định dạng. Hãy thử lại hoặc liên hệ quản trị.",
    en: "The remote signing service sent an answer that could not be read. Try again or contact the administrator.",
  },
  "signature-invalid": {
    vi: "Chữ ký do dịch vụ ký số từ xa trả về không khớp với chứng thư số. Chưa có văn bản nào được ký.",
    en: "The signature returned by the remote signing service does not match the certificate. Nothing was signed.",
  },
};

export class CscError extends Error {
  override name = "CscError";
  /** The English message, for the English screen. */
  readonly messageEn: string;
  /** For the server log only: the provider's error code/description, HTTP status, cause. Never shown. */
  readonly detail: string | undefined;

  constructor(
    readonly code: CscErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(CSC_ERROR_MESSAGES[code].vi, options);
    this.messageEn = CSC_ERROR_MESSAGES[code].en;
    this.detail = detail;
  }

  /** The message for the person's screen language. */
  messageFor(locale: string): string {
    return locale === "en" ? this.messageEn : this.message;
  }
}

/** An OAuth2/CSC error body ({ error, error_description }) and HTTP status as one of our codes. */
export function cscErrorCodeFor(status: number, error: string | undefined, description: string | undefined): CscErrorCode {
  const code = (error ?? "").toLowerCase();
  const text = (description ?? "").toLowerCase();
  if (code === "invalid_pin" || code === "invalid_password") return "invalid-pin";
  if (code === "invalid_otp") return "invalid-otp";
  if (code === "invalid_token" || code === "expired_token" || code === "invalid_grant" || code === "access_denied" || status === 401) return "link-expired";
  if (code === "expired_credential" || code === "revoked_credential" || /\b(certificate|credential)\b.*\b(expired|revoked|suspended)\b/.test(text)) return "credential-expired";
  if (code === "invalid_request" && /\bpin\b/.test(text) && /invalid|wrong|incorrect/.test(text)) return "invalid-pin";
  if (code === "invalid_request" && /\botp\b/.test(text) && /invalid|wrong|incorrect|expired/.test(text)) return "invalid-otp";
  if (status >= 500) return "provider-down";
  return "refused";
}
