/**
 * How an error page tells "the database is unreachable" from any other failure. In production Next hands
 * an error boundary only the error's `digest` (never its message), and keeps a digest the error already
 * has; so database errors get one that starts with this prefix where they are thrown (lib/db/client.ts),
 * and the boundary reads it. No server imports here: the boundaries are client components.
 */
export const UNAVAILABLE_DIGEST_PREFIX = "camket-unavailable-";

export const isUnavailableDigest = (digest: string | undefined): boolean => digest?.startsWith(UNAVAILABLE_DIGEST_PREFIX) ?? false;
