import { hostname, networkInterfaces } from "node:os";

/**
 * The hosts `next dev` may be opened from. Next blocks its dev assets and HMR socket for any host other
 * than localhost, so a page opened as http://127.0.0.1:3000 or at the "Network:" URL it prints itself
 * never hydrated. This machine's own names and addresses only — not a wildcard.
 */
export function devOrigins(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(), host = hostname()): string[] {
  const addresses = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === "IPv4")
    .map((entry) => entry.address);
  return [...new Set(["localhost", "127.0.0.1", host, ...addresses])];
}
