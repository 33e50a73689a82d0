/** Marks a URL as the embedded server, so clients know it is one backend session (see lib/db/client.ts). */
export const EMBEDDED_APPLICATION_NAME = "camket-embedded";
