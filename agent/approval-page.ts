import type { PendingApproval } from "./approvals";

/**
 * The agent's own small pages on http://127.0.0.1:<port>/approve/<requestId>: which certificate, how many
 * documents, for which site, a PIN field and "Ký" / "Từ chối". The PIN is typed here, on the agent's origin,
 * never in the camket page. No scripts; served with a CSP that forbids framing.
 */

export const APPROVAL_PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
  // "same-origin", not "no-referrer": with no-referrer Chromium posts the PIN form with `Origin: null`, which the
  // agent's own-origin check must refuse; nothing leaks to other origins either way.
  "Referrer-Policy": "same-origin",
};

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function layout(title: string, body: string, refreshSeconds?: number): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ""}
<title>${escape(title)} — Chương trình ký camket</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.25rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem}dt{color:#6b7280}dd{margin:0;font-weight:600;word-break:break-word}
label{display:block;margin-top:1rem}input{font-size:1.1rem;padding:.4rem;width:100%;box-sizing:border-box}
.buttons{display:flex;gap:.75rem;margin-top:1rem}button{font-size:1rem;padding:.5rem 1.25rem;cursor:pointer}
.sign{background:#1d4ed8;color:#fff;border:0;border-radius:4px}.error{color:#b91c1c;font-weight:600}.ok{color:#047857;font-weight:600}
</style></head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

export function approvalFormPage(approval: PendingApproval, error?: string): string {
  const { request } = approval;
  return layout(
    "Xác nhận ký số",
    `<dl><dt>Trang yêu cầu</dt><dd>${escape(request.origin)}</dd>
<dt>Chứng thư số</dt><dd>${escape(request.certificateLabel)}</dd>
<dt>Số tài liệu</dt><dd>${request.documentCount}</dd></dl>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
${request.pinStatus === "final-try" ? `<p class="error">Chỉ còn MỘT lần nhập PIN: nhập sai lần nữa token sẽ bị khoá.</p>` : request.pinStatus === "count-low" ? `<p class="error">Token báo đã có lần nhập sai PIN gần đây: nhập cẩn thận, sai quá số lần cho phép token sẽ bị khoá.</p>` : ""}
<form method="post" autocomplete="off">
<input type="hidden" name="formToken" value="${escape(approval.formToken)}">
<label for="pin">Mã PIN của token</label>
<input id="pin" name="pin" type="password" autocomplete="off" autofocus>
<div class="buttons"><button class="sign" type="submit" name="decision" value="approve">Ký</button>
<button type="submit" name="decision" value="reject">Từ chối</button></div>
</form>
<p>Mã PIN chỉ được nhập ở cửa sổ này của chương trình ký trên máy bạn; camket không bao giờ hỏi mã PIN.</p>`,
  );
}

export function waitingPage(): string {
  return layout("Đang chờ yêu cầu ký", "<p>Chương trình ký đang chờ yêu cầu từ trang camket… Trang sẽ tự tải lại.</p>", 1);
}

export function terminalPinPage(approval: PendingApproval): string {
  return layout(
    "Nhập mã PIN ở chương trình ký",
    `<p>Yêu cầu ký ${approval.request.documentCount} tài liệu bằng chứng thư <b>${escape(approval.request.certificateLabel)}</b>.</p>
<p>Hãy nhập mã PIN ở cửa sổ dòng lệnh đang chạy chương trình ký.</p>`,
    2,
  );
}

export function resultPage(kind: "signed" | "rejected" | "failed", message: string): string {
  const title = kind === "signed" ? "Đã ký" : kind === "rejected" ? "Đã từ chối" : "Không ký được";
  return layout(title, `<p class="${kind === "signed" ? "ok" : "error"}">${escape(message)}</p><p>Bạn có thể đóng cửa sổ này.</p>`);
}
