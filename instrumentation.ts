// Next.js calls register() once per server process: start the automatic reminders there (not during builds).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.CAMKET_SCHEDULER !== "off") {
    const { startReminderScheduler } = await import("./lib/reminders/reminder-scheduler");
    startReminderScheduler();
  }
}
