import { renewArchiveTimestamps } from "./renew-archive-timestamps";

const INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Renews due archive timestamps every 6 hours in this server process (started from instrumentation.ts). Every
 * instance may run it: a file is renewed once (compare-and-set), the others find nothing left to do.
 */
export function startArchiveRenewalScheduler(): void {
  const tick = () =>
    renewArchiveTimestamps().catch((error: unknown) => console.error("camket: gia hạn dấu thời gian lưu trữ lỗi:", error instanceof Error ? error.message : error));
  setTimeout(tick, 60_000).unref();
  setInterval(tick, INTERVAL_MS).unref();
}
