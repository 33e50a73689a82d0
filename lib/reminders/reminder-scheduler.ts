import { runScheduledReminders } from "./run-scheduled-reminders";

const INTERVAL_MS = 15 * 60 * 1000;

/** Runs the automatic reminders every 15 minutes in this server process (started from instrumentation.ts). */
export function startReminderScheduler(): void {
  const tick = () =>
    runScheduledReminders().catch((error: unknown) => console.error("camket: nhắc ký tự động lỗi:", error instanceof Error ? error.message : error));
  setTimeout(tick, 30_000).unref();
  setInterval(tick, INTERVAL_MS).unref();
}
