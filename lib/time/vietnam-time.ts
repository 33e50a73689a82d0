/** Every time shown to a person is in Asia/Ho_Chi_Minh, whatever the server's zone. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: VIETNAM_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat("vi-VN", {
  timeZone: VIETNAM_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** "14:05 04/01/2017" */
export function formatDateTime(date: Date): string {
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** "04/01/2017" */
export function formatDate(date: Date): string {
  const parts = Object.fromEntries(dateOnly.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year}`;
}

const withSeconds = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hourCycle: "h23",
});

/** "14:05:09 04/01/2017" — the signing time as Decree 30 prints it (always +07:00). */
export function formatSigningTime(date: Date): string {
  const p = Object.fromEntries(withSeconds.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}:${p.second} ${p.day}/${p.month}/${p.year}`;
}

/** "2017-01-04T09:15:02+07:00": ISO 8601 in Việt Nam time (no daylight saving: always +07:00), as Decree 30 App. I §II.8 prints it. */
export function formatIsoVietnamTime(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
