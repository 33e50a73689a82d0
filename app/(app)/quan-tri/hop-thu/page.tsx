import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { listOutbox } from "@/lib/reminders/list-reminders";
import { smtpConfigured } from "@/lib/reminders/deliver-email";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Hộp thư đi" };

export default async function OutboxPage() {
  await requirePageRole("ADMIN");
  const reminders = await listOutbox();
  return (
    <>
      <PageHeader
        title="Hộp thư đi"
        description={smtpConfigured() ? "Lời nhắc được gửi qua SMTP." : "Chưa cấu hình SMTP_URL: lời nhắc được lưu ở đây và hiển thị cho người đứng đầu trong ứng dụng."}
      />
      <ul className="space-y-3">
        {reminders.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <div className="flex flex-wrap justify-between gap-2">
              <p className="font-semibold">{r.subject}</p>
              {r.error ? <Badge tone="red">Lỗi gửi</Badge> : r.deliveredAt ? <Badge tone="green">Đã gửi email</Badge> : <Badge>Trong ứng dụng</Badge>}
            </div>
            <p className="text-slate-600">
              Tới {r.recipientEmail} · {formatDateTime(r.createdAt)}
            </p>
            <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-800">{r.body}</pre>
            {r.error && <p className="mt-1 text-red-800">{r.error}</p>}
          </li>
        ))}
        {reminders.length === 0 && <li className="text-slate-500">Chưa có lời nhắc nào.</li>}
      </ul>
    </>
  );
}
