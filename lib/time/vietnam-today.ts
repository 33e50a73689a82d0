import { VIETNAM_TIME_ZONE } from "./vietnam-time";

/** Today's date in Việt Nam as YYYY-MM-DD (for date inputs). */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: VIETNAM_TIME_ZONE }).format(now);
}
