import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { listOutbox } from "@/lib/reminders/list-reminders";
import { smtpConfigured } from "@/lib/reminders/deliver-email";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.outbox.title };
}

export default async function OutboxPage() {
  await requirePageRole("ADMIN");
  const reminders = await listOutbox();
  const t = (await getMessages()).admin.outbox;
  return (
    <>
      <PageHeader
        title={t.title}
        description={smtpConfigured() ? t.smtp : t.noSmtp}
      />
      <ul className="space-y-3">
        {reminders.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <div className="flex flex-wrap justify-between gap-2">
              <p className="font-semibold">{r.subject}</p>
              {r.error ? <Badge tone="red">{t.failed}</Badge> : r.deliveredAt ? <Badge tone="green">{t.emailed}</Badge> : <Badge>{t.inApp}</Badge>}
            </div>
            <p className="text-slate-600">
              {formatMessage(t.recipient, { email: r.recipientEmail, date: formatDateTime(r.createdAt) })}
            </p>
            <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-800">{r.body}</pre>
            {r.error && <p className="mt-1 text-red-800">{r.error}</p>}
          </li>
        ))}
        {reminders.length === 0 && <li className="text-slate-500">{t.empty}</li>}
      </ul>
    </>
  );
}
