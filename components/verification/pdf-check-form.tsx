"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Badge } from "@/components/ui/badge";
import type { PdfVerification } from "@/lib/verification/verify-uploaded-pdf";

const MAX_BYTES = 20 * 1024 * 1024;

/** Upload form and report for /kiem-tra. The size is checked here too, so a huge file is not sent at all. */
export function PdfCheckForm({ action }: { action: (prev: PdfVerification | null, formData: FormData) => Promise<PdfVerification> }) {
  const [result, formAction] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const shown = tooLarge ? { ok: false as const, message: tooLarge } : result;
  return (
    <div className="space-y-4">
      <form
        action={formAction}
        onSubmit={(event) => {
          const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
          const message =
            file && file.size > MAX_BYTES
              ? `Tệp quá lớn (${(file.size / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB). Chỉ kiểm tra được tệp PDF tối đa 20 MB.`
              : null;
          setTooLarge(message);
          if (message) event.preventDefault();
        }}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <label className="block text-sm font-medium">
          Tệp PDF cần kiểm tra
          <input name="file" type="file" accept="application/pdf,.pdf" required className="mt-1 block text-sm" />
        </label>
        <SubmitButton pendingLabel="Đang kiểm tra…">Kiểm tra</SubmitButton>
      </form>
      {shown && !shown.ok && <FormMessage state={shown} />}
      {shown?.ok && (
        <section aria-label="Kết quả kiểm tra" data-testid="verification-result" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <p role="status" className="font-semibold">
            {shown.message}
          </p>
          <p className="text-sm text-slate-600">
            {shown.fileName} · {shown.size.toLocaleString("vi-VN")} byte · SHA-256 <code className="break-all text-xs">{shown.sha256}</code>
          </p>
          <div data-testid="archive-match">
            {shown.archived.length > 0 ? (
              <ul className="text-sm text-green-900">
                {shown.archived.map((m) => (
                  <li key={`${m.assignmentId}-${m.kind}`}>
                    Trùng khớp từng byte với bản đã lưu trữ: {m.kind} — {m.unit}, {m.campaign}.
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-amber-900">Không có trong kho lưu trữ: tệp không trùng với bất kỳ phiên bản nào đã lưu.</p>
            )}
          </div>
          {shown.signatures.length > 0 && (
            <ol className="space-y-3">
              {shown.signatures.map((s, i) => (
                <li key={i} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="signature-check">
                  <p className="font-semibold">
                    Chữ ký {i + 1}: {s.signer}
                  </p>
                  <p>
                    Thời điểm ký: {s.time ?? "không ghi"}
                    {s.timeSource === "timestamp" ? " (theo dấu thời gian)" : s.timeSource === "claimed" ? " (do người ký khai)" : ""}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-2">
                    <Badge tone={s.valid ? "green" : "red"}>{s.valid ? "Toàn vẹn: hợp lệ" : "Toàn vẹn: không hợp lệ"}</Badge>
                    <Badge tone={s.issuedByCityCa ? "green" : "red"}>{s.issuedByCityCa ? "Do CA thành phố cấp" : "Không do CA thành phố cấp"}</Badge>
                    <Badge tone={s.revoked === false ? "green" : s.revoked ? "red" : "amber"}>
                      {s.revoked === false ? "Chứng thư chưa bị thu hồi" : s.revoked ? `Chứng thư đã bị thu hồi lúc ${s.revokedAt}` : "Chứng thư không có trong hệ thống"}
                    </Badge>
                  </p>
                  {s.problems.length > 0 && (
                    <ul className="mt-1 list-disc pl-5 text-red-800">
                      {s.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
