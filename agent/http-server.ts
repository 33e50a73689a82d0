import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { ApprovalCancelled, Approvals, ApprovalTimeout, type PendingApproval } from "./approvals";
import { APPROVAL_PAGE_HEADERS, approvalFormPage, resultPage, terminalPinPage, waitingPage } from "./approval-page";
import type { Pairing } from "./pairing";
import { TokenError, type PinStatus, type TokenCertificate } from "./pkcs11-token";

/**
 * The agent's HTTP API (docs/signing-agent-protocol.md) on 127.0.0.1: /v1/* answers only the configured camket
 * origin (exact CORS, Private Network Access preflight), pairing gives a bearer token, and a sign call waits
 * until the person approves with the token's PIN on the agent's own page (/approve/<requestId>) or terminal.
 */

export const AGENT_NAME = "camket-agent";
export const AGENT_VERSION = "1.0.0";
export const PROTOCOL_VERSION = 1;
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_HASHES = 200;
/** Wrong PINs one request takes before it fails (a token locks after its own limit, often 3–10). */
export const PIN_ATTEMPTS_PER_REQUEST = 3;

/** What the server needs from a token (Pkcs11Token, or a stand-in). */
export interface SigningToken {
  listCertificates(): TokenCertificate[];
  signHashes(certificateId: string, hashes: Uint8Array[], pin: string): Uint8Array[];
  /** The token's PIN retry state, if it reports one: warns on the approval page, refuses at once when locked. */
  pinStatus?(certificateId: string): PinStatus;
}

const PIN_LOCKED_MESSAGE = "Token đã bị khoá do nhập sai PIN quá số lần cho phép (CKR_PIN_LOCKED). Liên hệ đơn vị cấp chứng thư số để mở khoá.";

export interface AgentServerOptions {
  token: SigningToken;
  /** The one camket origin answered, e.g. "https://camket.phanthiet.gov.vn". */
  origin: string;
  pairing: Pairing;
  /** How long a sign call waits for the PIN; 120 s by default. */
  approvalTimeoutMs?: number;
  /** Ask the PIN on the terminal instead of the approval page. */
  terminalPin?: (approval: PendingApproval) => void;
  log?: (line: string) => void;
}

export interface AgentServer {
  server: Server;
  approvals: Approvals;
  /** Listens on 127.0.0.1 (port 0: any free port) and returns the port. */
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

const SignRequest = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "requestId: 16–64 characters A–Z a–z 0–9 _ -"),
  certificateId: z.string().min(1).max(300),
  hashes: z
    .array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "each hash is base64 of exactly 32 bytes"))
    .min(1)
    .max(MAX_HASHES, `at most ${MAX_HASHES} hashes per request`),
  hashAlgorithm: z.literal("SHA-256"),
});
const PairRequest = z.object({ code: z.string().regex(/^\d{6}$/, "code: 6 digits") });

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function createAgentServer(options: AgentServerOptions): AgentServer {
  const approvals = new Approvals(options.approvalTimeoutMs ?? 120_000);
  const log = options.log ?? (() => {});
  let port = 0;

  const ownOrigins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
      log(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, 500, { error: { code: "INTERNAL", message: "Chương trình ký gặp lỗi không mong đợi." } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another name resolving to 127.0.0.1 (DNS rebinding) must not be same-origin with us.
    const host = req.headers.host ?? "";
    if (!ownOrigins().some((origin) => origin === `http://${host}`)) {
      res.writeHead(421, { "Content-Type": "text/plain; charset=utf-8" }).end("Misdirected request");
      return;
    }
    const url = new URL(req.url ?? "/", `http://${host}`);
    if (url.pathname.startsWith("/v1/")) return handleApi(req, res, url.pathname);
    const approve = /^\/approve\/([A-Za-z0-9_-]{16,64})$/.exec(url.pathname);
    if (approve) return handleApprovalPage(req, res, approve[1]!);
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.headers.origin !== options.origin) {
      // No CORS headers at all: the browser hides the answer from any other page.
      sendJson(res, 403, { error: { code: "ORIGIN_NOT_ALLOWED", message: "Chương trình ký chỉ phục vụ trang camket đã cấu hình (--origin)." } });
      return;
    }
    const cors: Record<string, string> = { "Access-Control-Allow-Origin": options.origin, Vary: "Origin" };
    if (req.method === "OPTIONS") {
      const headers: Record<string, string> = {
        ...cors,
        "Access-Control-Allow-Methods": "GET, POST",
        "Access-Control-Allow-Headers": "Authorization, Content-Type",
        "Access-Control-Max-Age": "600",
      };
      if (req.headers["access-control-request-private-network"] === "true") headers["Access-Control-Allow-Private-Network"] = "true";
      res.writeHead(204, headers).end();
      return;
    }
    try {
      const route = `${req.method} ${pathname}`;
      if (route === "GET /v1/info") {
        return sendJson(res, 200, { name: AGENT_NAME, version: AGENT_VERSION, protocol: PROTOCOL_VERSION, paired: options.pairing.isAuthorized(req.headers.authorization), pairingOpen: options.pairing.pairingOpen }, cors);
      }
      if (route === "POST /v1/pair") {
        const { code } = parse(PairRequest, await readJson(req));
        const result = options.pairing.pair(code);
        if (result.ok) {
          log("Đã ghép nối với trang camket.");
          return sendJson(res, 200, { token: result.token }, cors);
        }
        if (result.reason === "TOO_MANY_ATTEMPTS") {
          throw new HttpError(429, "TOO_MANY_ATTEMPTS", `Nhập sai mã ghép nối quá nhiều lần; thử lại sau ${result.retryAfterSeconds} giây.`, { "Retry-After": String(result.retryAfterSeconds) });
        }
        if (result.reason === "NOT_PAIRING") throw new HttpError(409, "NOT_PAIRING", "Chương trình ký không chờ ghép nối: khởi động lại nó với --pair để lấy mã mới.");
        throw new HttpError(403, "WRONG_CODE", "Mã ghép nối không đúng: nhập mã 6 chữ số đang hiện ở cửa sổ chương trình ký.");
      }
      if (!options.pairing.isAuthorized(req.headers.authorization)) {
        throw new HttpError(401, "UNAUTHORIZED", "Trang này chưa ghép nối với chương trình ký (hoặc mã ghép nối đã bị thu hồi): hãy ghép nối lại.");
      }
      if (route === "GET /v1/certificates") {
        const certificates = listCertificates().map((certificate) => ({
          id: certificate.id,
          label: certificate.label,
          certificate: Buffer.from(certificate.certificate).toString("base64"),
          chain: certificate.chain.map((der) => Buffer.from(der).toString("base64")),
        }));
        return sendJson(res, 200, certificates, cors);
      }
      if (route === "POST /v1/sign") return await sign(req, res, cors);
      throw new HttpError(404, "NOT_FOUND", `Không có ${route}.`);
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: { code: error.code, message: error.message } }, { ...cors, ...error.headers });
      throw error;
    }
  }

  function listCertificates(): TokenCertificate[] {
    try {
      return options.token.listCertificates();
    } catch (error) {
      throw new HttpError(503, "TOKEN_ERROR", `Không đọc được token: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  }

  function readPinStatus(certificateId: string): PinStatus {
    try {
      return options.token.pinStatus?.(certificateId) ?? "ok";
    } catch {
      return "ok"; // only a warning: signing itself reports a real failure
    }
  }

  async function sign(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const body = parse(SignRequest, await readJson(req));
    const certificate = listCertificates().find((candidate) => candidate.id === body.certificateId);
    if (!certificate) throw new HttpError(404, "UNKNOWN_CERTIFICATE", "Không tìm thấy chứng thư số này trên token (token đã được rút ra?).");
    const hashes = body.hashes.map((hash) => new Uint8Array(Buffer.from(hash, "base64")));
    const pinStatus = readPinStatus(certificate.id);
    if (pinStatus === "locked") throw new HttpError(423, "PIN_LOCKED", PIN_LOCKED_MESSAGE);
    const approval = approvals.open({ requestId: body.requestId, certificateLabel: certificate.label, documentCount: hashes.length, origin: options.origin, pinStatus });
    if (!approval) throw new HttpError(409, "DUPLICATE_REQUEST", "Yêu cầu ký này đang chờ xác nhận.");
    log(`Yêu cầu ký ${hashes.length} tài liệu bằng "${certificate.label}" — chờ xác nhận (mã yêu cầu ${body.requestId}).`);

    const caller = new AbortController();
    res.on("close", () => caller.abort()); // the page gave up: stop waiting
    try {
      options.terminalPin?.(approval);
      let wrongPins = 0;
      for (;;) {
        const submission = await approval.next(caller.signal);
        if (submission.decision.kind === "reject") {
          submission.reply({ kind: "rejected" });
          throw new HttpError(403, "REJECTED", "Người ký đã từ chối ở chương trình ký.");
        }
        try {
          const signatures = options.token.signHashes(certificate.id, hashes, submission.decision.pin);
          submission.reply({ kind: "signed", count: signatures.length });
          log(`Đã ký ${signatures.length} tài liệu.`);
          return sendJson(res, 200, { signatures: signatures.map((signature) => Buffer.from(signature).toString("base64")) }, cors);
        } catch (caught) {
          if (!(caught instanceof TokenError)) throw caught;
          let error = caught;
          if ((error.code === "PIN_INCORRECT" || error.code === "PIN_INVALID") && ++wrongPins < PIN_ATTEMPTS_PER_REQUEST) {
            approval.request.pinStatus = readPinStatus(certificate.id);
            if (approval.request.pinStatus !== "locked") {
              submission.reply({ kind: "retry", message: error.message });
              continue;
            }
            error = new TokenError("PIN_LOCKED", PIN_LOCKED_MESSAGE);
          }
          submission.reply({ kind: "failed", message: error.message });
          const status = error.code === "PIN_INCORRECT" ? 403 : error.code === "PIN_LOCKED" ? 423 : error.code === "PIN_INVALID" ? 400 : error.code === "UNKNOWN_CERTIFICATE" || error.code === "NO_KEY" ? 404 : 500;
          throw new HttpError(status, error.code, error.message);
        }
      }
    } catch (error) {
      if (error instanceof ApprovalTimeout) throw new HttpError(408, "APPROVAL_TIMEOUT", "Hết thời gian chờ nhập mã PIN ở chương trình ký; hãy ký lại.");
      if (error instanceof ApprovalCancelled) return void res.destroy();
      throw error;
    } finally {
      approvals.close(approval);
    }
  }

  async function handleApprovalPage(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const approval = approvals.get(requestId);
    const page = (status: number, html: string) => void res.writeHead(status, APPROVAL_PAGE_HEADERS).end(html);
    if (req.method === "GET") {
      if (!approval) return page(200, waitingPage());
      return page(200, options.terminalPin ? terminalPinPage(approval) : approvalFormPage(approval, approval.message));
    }
    if (req.method !== "POST") return page(405, resultPage("failed", "Phương thức không được hỗ trợ."));
    // Only our own page posts here: a form on another site carries its own Origin and cannot know formToken.
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().includes(origin)) return page(403, resultPage("failed", "Yêu cầu không đến từ trang của chương trình ký."));
    const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString("utf8"));
    if (!approval || options.terminalPin) return page(404, resultPage("failed", "Không có yêu cầu ký nào đang chờ với mã này (đã hết hạn?)."));
    if (form.get("formToken") !== approval.formToken) return page(403, resultPage("failed", "Biểu mẫu không hợp lệ; hãy tải lại trang."));
    const decision = form.get("decision");
    const pin = form.get("pin") ?? "";
    if (decision === "approve" && !pin) return page(400, approvalFormPage(approval, "Hãy nhập mã PIN."));
    if (decision !== "approve" && decision !== "reject") return page(400, approvalFormPage(approval, "Hãy chọn Ký hoặc Từ chối."));
    const outcome = await approval.submit(decision === "approve" ? { kind: "approve", pin } : { kind: "reject" });
    switch (outcome.kind) {
      case "signed":
        return page(200, resultPage("signed", `Đã ký ${outcome.count} tài liệu. Trang camket sẽ tiếp tục.`));
      case "rejected":
        return page(200, resultPage("rejected", "Bạn đã từ chối ký."));
      case "retry":
        return page(403, approvalFormPage(approval, outcome.message));
      case "failed":
        return page(403, resultPage("failed", outcome.message));
    }
  }

  return {
    server,
    approvals,
    listen: (wanted) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(wanted, "127.0.0.1", () => {
          server.off("error", reject);
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Nội dung phải là application/json.");
  const body = await readBody(req, MAX_BODY_BYTES);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "Nội dung không phải JSON hợp lệ.");
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `Nội dung vượt quá ${limit} byte.`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `Nội dung vượt quá ${limit} byte.`));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    throw new HttpError(400, "BAD_REQUEST", `Yêu cầu không hợp lệ — ${detail}`);
  }
  return result.data;
}
