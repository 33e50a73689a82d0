import nodemailer, { type Transporter } from "nodemailer";

let transport: { url: string; transporter: Transporter } | undefined;

/** True when reminders go out by e-mail (SMTP_URL); otherwise they wait in the in-app outbox. */
export const smtpConfigured = () => Boolean(process.env.SMTP_URL);

/** Sends one plain-text e-mail through SMTP_URL (one pooled transport per process). */
export async function deliverEmail(message: { to: string; subject: string; text: string }): Promise<void> {
  const url = process.env.SMTP_URL!;
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  await transport.transporter.sendMail({
    from: process.env.SMTP_FROM ?? "Cam kết CCHC Phan Thiết <no-reply@phanthiet.gov.vn>",
    ...message,
  });
}
