import { z } from "zod";
import type { ExternalKey, ToBeSigned } from "./external-key";

/**
 * The camket page's side of the local signing agent (docs/signing-agent-protocol.md): find it on
 * 127.0.0.1, pair with the code it shows, list the token's certificates as ExternalKeys whose `sign` opens the
 * agent's approval window (the PIN is typed there, never here) and sends the SHA-256 values. Browser-safe:
 * fetch only. Every failure is an Error with a Vietnamese message the page can show as is.
 */

export const DEFAULT_AGENT_URL = "http://127.0.0.1:17890";

export interface AgentInfo {
  name: string;
  version: string;
  protocol: number;
  paired: boolean;
  pairingOpen: boolean;
}

/**
 * The approval window as the client needs it (a `Window` fits): closed when signing ends; `closed` is watched so
 * a window the person shut ends the wait at once. null when the browser blocked the popup.
 */
export type ApprovalWindow = { close(): void; readonly closed?: boolean } | null;

export interface AgentClientOptions {
  baseUrl?: string;
  /** The bearer token from an earlier pairing (the page keeps it, e.g. in localStorage). */
  token?: string | null;
  fetch?: typeof fetch;
  /**
   * Opens the agent's approval page. Called synchronously at the start of `sign`, so call `sign` straight from
   * the click handler or the browser may block the popup. Default: window.open as a small popup.
   */
  openApprovalWindow?: (url: string) => ApprovalWindow;
  /** For finding the agent (default 1.5 s). */
  detectTimeoutMs?: number;
  /** For pairing and listing (default 10 s). */
  requestTimeoutMs?: number;
  /** For a sign call, which waits for the PIN (default 130 s: a little over the agent's own 120 s). */
  signTimeoutMs?: number;
  /** How often the approval window is checked for having been closed (default 500 ms). */
  windowPollMs?: number;
}

export class AgentError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "AgentError";
  }
}

const NOT_RUNNING = "Không kết nối được chương trình ký trên máy này. Hãy cắm token, chạy chương trình ký camket (npm run agent) rồi thử lại.";
const GARBLED = "Chương trình ký trả lời không đúng định dạng (phiên bản không tương thích?). Hãy cập nhật chương trình ký.";

const InfoSchema = z.object({ name: z.string(), version: z.string(), protocol: z.number(), paired: z.boolean(), pairingOpen: z.boolean() });
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const CertificatesSchema = z.array(z.object({ id: z.string().min(1), label: z.string(), certificate: Base64.min(1), chain: z.array(Base64) }));
const TokenSchema = z.object({ token: z.string().min(20) });
const SignaturesSchema = z.object({ signatures: z.array(Base64.min(1)) });
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Messages for agent error codes, in case an agent (a vendor's, adapted) sends none fit to show. */
const MESSAGES: Record<string, string> = {
  UNAUTHORIZED: "Trang này chưa ghép nối với chương trình ký (hoặc đã bị thu hồi): hãy ghép nối lại bằng mã hiện ở chương trình ký.",
  ORIGIN_NOT_ALLOWED: "Chương trình ký không phục vụ trang này: hãy chạy nó với --origin là địa chỉ camket đang dùng.",
  PIN_INCORRECT: "Mã PIN không đúng. Hãy ký lại và nhập PIN cẩn thận: token sẽ bị khoá nếu sai quá số lần cho phép.",
  PIN_LOCKED: "Token đã bị khoá do nhập sai PIN quá số lần cho phép. Liên hệ đơn vị cấp chứng thư số để mở khoá.",
  REJECTED: "Bạn đã từ chối ký ở chương trình ký.",
  APPROVAL_TIMEOUT: "Hết thời gian chờ nhập mã PIN ở chương trình ký; hãy ký lại.",
  WRONG_CODE: "Mã ghép nối không đúng: nhập mã 6 chữ số đang hiện ở cửa sổ chương trình ký.",
  TOO_MANY_ATTEMPTS: "Nhập sai mã ghép nối quá nhiều lần; chờ một phút rồi thử lại.",
  NOT_PAIRING: "Chương trình ký không chờ ghép nối: khởi động lại nó với --pair để lấy mã mới.",
  UNKNOWN_CERTIFICATE: "Không tìm thấy chứng thư số này trên token (token đã được rút ra?).",
};

export class AgentClient {
  readonly baseUrl: string;
  private token: string | null;
  private readonly fetchImpl: typeof fetch;
  private readonly openApprovalWindow: (url: string) => ApprovalWindow;
  private opened: { requestId: string; popup: ApprovalWindow } | undefined;

  constructor(private readonly options: AgentClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_AGENT_URL).replace(/\/+$/, "");
    this.token = options.token ?? null;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.openApprovalWindow = options.openApprovalWindow ?? defaultOpenApprovalWindow;
  }

  get pairingToken(): string | null {
    return this.token;
  }

  /** The agent's info, or null when nothing (or something else) answers within the short timeout. */
  async detect(): Promise<AgentInfo | null> {
    try {
      const info = await this.call("GET", "/v1/info", undefined, InfoSchema, this.options.detectTimeoutMs ?? 1500);
      return info.name ? info : null;
    } catch {
      return null;
    }
  }

  /** Sends the code the agent shows; keeps and returns the bearer token (store it for next time). */
  async pair(code: string): Promise<string> {
    const trimmed = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(trimmed)) throw new AgentError("Mã ghép nối gồm 6 chữ số.", "BAD_CODE");
    const { token } = await this.call("POST", "/v1/pair", { code: trimmed }, TokenSchema);
    this.token = token;
    return token;
  }

  /** The token's certificates, each as an ExternalKey (method "AGENT"). */
  async listKeys(): Promise<ExternalKey[]> {
    const certificates = await this.call("GET", "/v1/certificates", undefined, CertificatesSchema);
    return certificates.map((entry) => ({
      method: "AGENT" as const,
      certificate: fromBase64(entry.certificate),
      chain: entry.chain.map(fromBase64),
      label: entry.label,
      sign: (items: ToBeSigned[]) => this.sign(entry.id, items),
    }));
  }

  /**
   * Opens the approval window now, for the next `sign`. Call it synchronously in the click handler when other
   * awaits (the server's prepare call) come before `sign`: a popup opened after them is blocked. The window
   * shows "waiting" until the request arrives. `cancelApproval` closes it if signing does not happen.
   */
  beginApproval(): void {
    this.cancelApproval();
    const requestId = randomRequestId();
    this.opened = { requestId, popup: this.openApprovalWindow(`${this.baseUrl}/approve/${requestId}`) };
  }

  cancelApproval(): void {
    const opened = this.opened;
    this.opened = undefined;
    try {
      opened?.popup?.close();
    } catch {
      // already closed
    }
  }

  private async sign(certificateId: string, items: ToBeSigned[]): Promise<Uint8Array[]> {
    if (items.length === 0) return [];
    if (items.length > 200) {
      this.cancelApproval();
      throw new AgentError("Chương trình ký nhận tối đa 200 tài liệu mỗi lần; hãy ký thành nhiều đợt.", "TOO_MANY");
    }
    // Before any await: a popup opened later than the click is blocked by browsers.
    if (!this.opened) this.beginApproval();
    const { requestId, popup } = this.opened!;
    this.opened = undefined;
    if (!popup) throw new AgentError("Trình duyệt đã chặn cửa sổ nhập mã PIN của chương trình ký. Hãy cho phép cửa sổ bật lên (pop-up) từ trang này rồi ký lại.", "POPUP_BLOCKED");
    // Closed by the person before approving: stop waiting (after a grace poll, in case the answer is on its way).
    const windowClosed = new AbortController();
    let closedPolls = 0;
    const watcher = setInterval(() => {
      closedPolls = popup.closed ? closedPolls + 1 : 0;
      if (closedPolls >= 2) windowClosed.abort();
    }, this.options.windowPollMs ?? 500);
    try {
      const { signatures } = await this.call(
        "POST",
        "/v1/sign",
        { requestId, certificateId, hashes: items.map((item) => toBase64(item.sha256)), hashAlgorithm: "SHA-256" },
        SignaturesSchema,
        this.options.signTimeoutMs ?? 130_000,
        windowClosed.signal,
      );
      if (signatures.length !== items.length) throw new AgentError(GARBLED, "BAD_RESPONSE");
      return signatures.map(fromBase64);
    } finally {
      clearInterval(watcher);
      try {
        popup.close();
      } catch {
        // already closed by the person
      }
    }
  }

  private async call<T>(method: "GET" | "POST", path: string, body: unknown, schema: z.ZodType<T>, timeoutMs = this.options.requestTimeoutMs ?? 10_000, cancel?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onCancel = () => controller.abort();
    cancel?.addEventListener("abort", onCancel, { once: true });
    let response: Response;
    let text: string;
    try {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      response = await this.fetchImpl(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal, cache: "no-store" });
      text = await response.text();
    } catch {
      if (cancel?.aborted) throw new AgentError("Cửa sổ nhập mã PIN đã bị đóng trước khi ký; hãy ký lại.", "WINDOW_CLOSED");
      if (controller.signal.aborted) {
        throw new AgentError(path === "/v1/sign" ? "Chương trình ký không trả lời trong thời gian chờ; hãy xem cửa sổ chương trình ký rồi ký lại." : "Chương trình ký không phản hồi (bị treo?). Hãy khởi động lại chương trình ký rồi thử lại.", "TIMEOUT");
      }
      throw new AgentError(NOT_RUNNING, "NOT_RUNNING");
    } finally {
      clearTimeout(timer);
      cancel?.removeEventListener("abort", onCancel);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AgentError(response.ok ? GARBLED : `${GARBLED} (HTTP ${response.status})`, "BAD_RESPONSE");
    }
    if (!response.ok) {
      const failure = ErrorSchema.safeParse(json);
      if (!failure.success) throw new AgentError(`${GARBLED} (HTTP ${response.status})`, "BAD_RESPONSE");
      const { code, message } = failure.data.error;
      if (code === "UNAUTHORIZED") this.token = null;
      throw new AgentError(isVietnamese(message) ? message : (MESSAGES[code] ?? `Chương trình ký báo lỗi: ${message}`), code);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AgentError(GARBLED, "BAD_RESPONSE");
    return parsed.data;
  }
}

function defaultOpenApprovalWindow(url: string): ApprovalWindow {
  return window.open(url, "camket-agent-approval", "popup,width=480,height=600");
}

function randomRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Our agent writes Vietnamese messages; a vendor's may not, and then ours is shown. */
function isVietnamese(message: string): boolean {
  return /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(message);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
