// Next.js calls register() once per server process (not during builds).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is trusted: forwarded headers are believed only from CAMKET_TRUSTED_PROXIES.
  (await import("./lib/auth/forwarded-headers")).installForwardedHeadersGuard();
  if (process.env.CAMKET_SCHEDULER !== "off") {
    const { startReminderScheduler } = await import("./lib/reminders/reminder-scheduler");
    startReminderScheduler();
    const { startArchiveRenewalScheduler } = await import("./lib/long-term/archive-renewal-scheduler");
    startArchiveRenewalScheduler();
    const { startWebhookScheduler } = await import("./lib/webhooks/webhook-scheduler");
    startWebhookScheduler();
  }
}
