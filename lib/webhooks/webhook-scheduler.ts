import { fanOutWebhookEvents } from "./fan-out-webhook-events";
import { deliverDueWebhooks } from "./deliver-due-webhooks";

const INTERVAL_MS = 5_000;

/** One pass: new audit events become deliveries, then whatever is due is sent. */
export async function runWebhookCycle(now = new Date()): Promise<{ queued: number; delivered: number; failed: number }> {
  const queued = await fanOutWebhookEvents({ now });
  return { queued, ...(await deliverDueWebhooks({ now })) };
}

/**
 * Fans out and delivers webhooks every 5 seconds in this server process (started from instrumentation.ts).
 * Every instance may run it: fan-out is idempotent and deliveries are leased. A pass still running is not
 * overlapped; a failure is one log line, never a crash.
 */
export function startWebhookScheduler(): void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runWebhookCycle()
      .catch((error: unknown) => console.error("camket: gửi webhook lỗi:", error instanceof Error ? error.message.split("\n").at(-1) : error))
      .finally(() => (running = false));
  };
  setInterval(tick, INTERVAL_MS).unref();
}
