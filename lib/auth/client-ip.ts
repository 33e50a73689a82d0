/**
 * The client's address for throttling and the audit log. Each proxy appends the address it received the
 * request from, so the right-most X-Forwarded-For entry is the one our own reverse proxy (or Next, when
 * there is none) wrote; entries to its left are whatever the client chose to send.
 */
export function clientIp(forwardedFor: string | null | undefined, realIp?: string | null): string | null {
  const last = forwardedFor?.split(",").at(-1)?.trim().slice(0, 100);
  return last || realIp?.trim().slice(0, 100) || null;
}
